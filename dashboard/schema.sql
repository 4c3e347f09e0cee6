-- The dashboard's DuckDB schema, all of it: tables, macros and the views that queries wrap.
--
-- Written only by dashboard/store.py (ingest); read by dashboard/query.py.
-- Running this file again on an existing database is safe: tables are created
-- if missing, macros and views are replaced. A change to a table bumps
-- SCHEMA_VERSION in store.py and in the `meta` row at the end.
--
-- Layers, bottom up:
--   articles, records, corrections   what was read, extracted, and fixed by people
--   same_deal, places, ingest_log    derived or reference data, rebuilt by ingest
--   correction_targets (view)        each correction with the record it applies to today
--   records_fixed (view)             records with the latest correction of each field applied
--   ledger_live (view)               records_fixed plus what each record adds to totals
--                                    (`contribution`) and how many articles report it (`n_sources`)
--   ledger (table)                   ledger_live as of the last ingest, numbered (ledger_numbered):
--                                    what every query wraps
--   ledger_cube(_years), ledger_by,  rollups of the ledger for the common and the unfiltered views,
--   ledger_split, investors_by,      rewritten with it (spot_points, before it: where the map
--   point_index, article_index,      draws each place)
--   ledger_head
--   figures_by_place,                the narrow ledger: each record's filters and figures as
--   figures_by_sector                numbers (label_index, investor_index), in two orders, for
--                                    the filtered views the rollups cannot answer
--
-- Why a table at the top: the data changes only when ingest runs (it is the
-- only writer, and corrections come in through it too), and the view costs
-- ~1 s per query at a million records (the corrections join, the bundle walk),
-- while the stored result answers a filtered total in ~10-100 ms. The rules
-- stay in the views; ingest (store.derive) rewrites the table from them, and so
-- does store.correct, through the same writer.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY,   -- hash of the clean text (Article.article_id)
    file_name         VARCHAR NOT NULL,
    title             VARCHAR,
    url               VARCHAR,
    publisher         VARCHAR,
    published         DATE,
    language          VARCHAR,
    text              VARCHAR NOT NULL,      -- kept even when extraction fails: evidence offsets point into it
    extractor_version VARCHAR,               -- NULL when extraction failed, so the next ingest tries again
    ingested_at       TIMESTAMP
);

-- One row per extracted record, in the form of shared/extraction/CONTRACT.md.
-- investors, partners and flags are lists in the row rather than a parties
-- table: a record reads back exactly as written (order included), and no join
-- can fan a record out into several rows and count its amount twice.
CREATE TABLE IF NOT EXISTS records (
    record_id        VARCHAR PRIMARY KEY,    -- article_id || ':' || local id
    article_id       VARCHAR NOT NULL,
    local_id         VARCHAR NOT NULL,       -- the contract's `id`, e.g. 'a3'
    ordinal          INTEGER NOT NULL,       -- position in the extractor's output: article order
    kind             VARCHAR NOT NULL,       -- deal | bundle | event
    investors        VARCHAR[] NOT NULL,
    partners         VARCHAR[] NOT NULL,
    project          VARCHAR,
    city             VARCHAR,
    province         VARCHAR,
    district         VARCHAR,
    park             VARCHAR,
    sector           VARCHAR,
    subsector        VARCHAR,
    amount           DOUBLE,
    currency         VARCHAR,
    amount_cny       DOUBLE,
    qualifier        VARCHAR,
    date             VARCHAR,                -- as given: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
    date_start       DATE,                   -- first day `date` can mean (else the article's date)
    date_end         DATE,                   -- last day `date` can mean (else the article's date)
    status           VARCHAR,
    part_of          VARCHAR,                -- the bundle's record_id, not its local id
    n_projects       INTEGER,
    counts_in_totals BOOLEAN NOT NULL,       -- as extracted: false for a repeat inside its own article
    evidence         VARCHAR,
    evidence_start   INTEGER,                -- character offsets of `evidence` in articles.text
    evidence_end     INTEGER,
    flags            VARCHAR[] NOT NULL,
    extra            JSON                    -- optional contract fields this schema has no column for yet
);

-- People's corrections: a copy of the corrections log (dashboard/corrections.py),
-- reloaded by every ingest. A correction names its record by article, evidence
-- sentence and place among that sentence's records (nth), not by record_id, so it
-- finds its record again after re-extraction renumbers the records. The latest
-- correction per (record, field) wins; value NULL clears the field; list fields
-- take a JSON array ('["Tencent"]'); part_of and same_deal_as name another record
-- by its own key (target_*).
CREATE TABLE IF NOT EXISTS corrections (
    seq                INTEGER NOT NULL,     -- line of the log: the order corrections were made in
    article_id         VARCHAR NOT NULL,
    evidence           VARCHAR NOT NULL,     -- evidence_key() of the record's evidence
    nth                INTEGER NOT NULL,
    field              VARCHAR NOT NULL,
    value              VARCHAR,
    old                VARCHAR,              -- the value in force when the correction was made
    target_article_id  VARCHAR,
    target_evidence    VARCHAR,
    target_nth         INTEGER,
    author             VARCHAR NOT NULL,
    "at"               TIMESTAMP NOT NULL,   -- quoted: AT is a keyword in DuckDB
    note               VARCHAR,
    record_id          VARCHAR               -- the record's id when it was made: shown, never matched on
);

-- Records of different articles that report the same deal, rebuilt by every
-- ingest. Every member of a group has a row; deal_id is the member that is
-- counted (from the earliest article), the others add nothing to totals.
CREATE TABLE IF NOT EXISTS same_deal (
    record_id VARCHAR PRIMARY KEY,
    deal_id   VARCHAR NOT NULL,
    n_sources INTEGER NOT NULL,              -- articles in the group
    reason    VARCHAR
);

-- The gazetteer (dashboard.extract.places), copied in so the app can map records.
CREATE TABLE IF NOT EXISTS places (
    name     VARCHAR NOT NULL,
    name_zh  VARCHAR,
    kind     VARCHAR NOT NULL,               -- province | city | district | park
    province VARCHAR,
    city     VARCHAR,
    district VARCHAR,
    lat      DOUBLE,
    lon      DOUBLE,
    source   VARCHAR                         -- where the coordinates came from
);

CREATE TABLE IF NOT EXISTS ingest_log (
    file_name  VARCHAR NOT NULL,
    article_id VARCHAR,                      -- NULL when the file could not be read
    status     VARCHAR NOT NULL,             -- stored | re-extracted | skipped | failed | manifest (a sources.csv note)
    message    VARCHAR,
    "at"       TIMESTAMP NOT NULL    -- quoted: AT is a keyword in DuckDB
);

-- First and last day a contract date can mean: '2021' spans the year, '2021-07' the month.
-- Anything else that is not a date gives NULL.
CREATE OR REPLACE MACRO date_first_day(d) AS
    TRY_CAST(CASE length(d) WHEN 4 THEN d || '-01-01' WHEN 7 THEN d || '-01' ELSE d END AS DATE);
CREATE OR REPLACE MACRO date_last_day(d) AS
    CASE length(d)
        WHEN 4 THEN TRY_CAST(d || '-12-31' AS DATE)
        WHEN 7 THEN last_day(TRY_CAST(d || '-01' AS DATE))
        ELSE TRY_CAST(d AS DATE)
    END;

-- Words that name a company or body, less the ones every name has, for
-- telling whether two records name the same investors ("Tencent" and
-- "Tencent Holdings Ltd." both give ['tencent']).
CREATE OR REPLACE MACRO party_tokens(names) AS
    list_sort(list_distinct(list_filter(
        regexp_split_to_array(lower(array_to_string(names, ' ')), '[^a-z0-9\x{4e00}-\x{9fff}]+'),
        lambda t: length(t) > 1 AND NOT list_contains(
            ['co', 'ltd', 'limited', 'company', 'group', 'inc', 'corp', 'corporation', 'holding',
             'holdings', 'the', 'and', 'of', 'technology', 'technologies', 'tech', 'china',
             '有限公司', '股份有限公司', '集团'], t))));
-- A project name reduced to letters and digits, for comparing names across articles.
CREATE OR REPLACE MACRO project_key(p) AS
    nullif(regexp_replace(lower(p), '[^a-z0-9\x{4e00}-\x{9fff}]+', '', 'g'), '');

-- A corrected value when there is one for the field, else the extracted one.
-- `fix` is a MAP(field -> value) of a record's latest corrections.
CREATE OR REPLACE MACRO fixed_text(fix, field, extracted) AS
    CASE WHEN map_contains(fix, field) THEN fix[field] ELSE extracted END;
CREATE OR REPLACE MACRO fixed_number(fix, field, extracted) AS
    CASE WHEN map_contains(fix, field) THEN TRY_CAST(fix[field] AS DOUBLE) ELSE extracted END;
CREATE OR REPLACE MACRO fixed_integer(fix, field, extracted) AS
    CASE WHEN map_contains(fix, field) THEN TRY_CAST(fix[field] AS INTEGER) ELSE extracted END;
CREATE OR REPLACE MACRO fixed_list(fix, field, extracted) AS
    CASE WHEN map_contains(fix, field) THEN coalesce(from_json(fix[field], '["VARCHAR"]'), []) ELSE extracted END;

-- What a correction keys on: the evidence with its whitespace collapsed.
CREATE OR REPLACE MACRO evidence_key(e) AS regexp_replace(trim(coalesce(e, '')), '\s+', ' ', 'g');

-- Each record's key (article, evidence, nth); only for articles that corrections name,
-- so a database without corrections pays nothing for it.
CREATE OR REPLACE VIEW record_keys AS
SELECT record_id, article_id, evidence_key(evidence) AS evidence,
       row_number() OVER (PARTITION BY article_id, evidence_key(evidence) ORDER BY ordinal) AS nth
FROM records
WHERE article_id IN (SELECT article_id FROM corrections UNION ALL SELECT target_article_id FROM corrections);

-- Each correction and the record it applies to now (NULL: no record has its key any
-- more), with the other record for part_of and same_deal_as.
CREATE OR REPLACE VIEW correction_targets AS
SELECT c.*, k.record_id AS applies_to, t.record_id AS target_id
FROM corrections c
LEFT JOIN record_keys k ON k.article_id = c.article_id AND k.evidence = c.evidence AND k.nth = c.nth
LEFT JOIN record_keys t ON t.article_id = c.target_article_id AND t.evidence = c.target_evidence
                       AND t.nth = c.target_nth;

CREATE OR REPLACE VIEW records_fixed AS
WITH latest AS (
    SELECT applies_to AS record_id, field,
           CASE WHEN target_article_id IS NOT NULL THEN target_id ELSE value END AS value
    FROM correction_targets
    -- a link to a record that is gone is not applied (the Review page lists it)
    WHERE applies_to IS NOT NULL AND (target_article_id IS NULL OR target_id IS NOT NULL)
    QUALIFY row_number() OVER (PARTITION BY applies_to, field ORDER BY "at" DESC, seq DESC) = 1
), fixes AS (
    SELECT record_id, map(list(field), list(value)) AS fix FROM latest GROUP BY record_id
)
SELECT
    r.record_id, r.article_id, r.local_id, r.ordinal,
    fixed_text(f.fix, 'kind', r.kind)                    AS kind,
    fixed_list(f.fix, 'investors', r.investors)          AS investors,
    fixed_list(f.fix, 'partners', r.partners)            AS partners,
    fixed_text(f.fix, 'project', r.project)              AS project,
    fixed_text(f.fix, 'city', r.city)                    AS city,
    fixed_text(f.fix, 'province', r.province)            AS province,
    fixed_text(f.fix, 'district', r.district)            AS district,
    fixed_text(f.fix, 'park', r.park)                    AS park,
    fixed_text(f.fix, 'sector', r.sector)                AS sector,
    fixed_text(f.fix, 'subsector', r.subsector)          AS subsector,
    fixed_number(f.fix, 'amount', r.amount)              AS amount,
    fixed_text(f.fix, 'currency', r.currency)            AS currency,
    fixed_number(f.fix, 'amount_cny', r.amount_cny)      AS amount_cny,
    fixed_text(f.fix, 'qualifier', r.qualifier)          AS qualifier,
    fixed_text(f.fix, 'date', r.date)                    AS date,
    CASE WHEN map_contains(f.fix, 'date') THEN date_first_day(f.fix['date']) ELSE r.date_start END AS date_start,
    CASE WHEN map_contains(f.fix, 'date') THEN date_last_day(f.fix['date']) ELSE r.date_end END AS date_end,
    fixed_text(f.fix, 'status', r.status)                AS status,
    fixed_text(f.fix, 'part_of', r.part_of)              AS part_of,
    fixed_integer(f.fix, 'n_projects', r.n_projects)     AS n_projects,
    -- "not a deal" takes the record out of totals (and out of same-deal links); "not a deal: false" puts a record
    -- the figure filter set aside ('likely_not_a_deal') back in: the person who read it overrules the model
    CASE WHEN TRY_CAST(f.fix['not_a_deal'] AS BOOLEAN) IS NULL THEN r.counts_in_totals
         ELSE (r.counts_in_totals OR list_contains(r.flags, 'likely_not_a_deal'))
              AND NOT TRY_CAST(f.fix['not_a_deal'] AS BOOLEAN) END AS counts_in_totals,
    r.evidence, r.evidence_start, r.evidence_end,
    fixed_list(f.fix, 'flags', r.flags)                  AS flags,
    f.record_id IS NOT NULL                              AS corrected,
    -- (the figure filter's 'likely_not_a_deal' reads as "not a deal" until a person says otherwise)
    coalesce(TRY_CAST(f.fix['not_a_deal'] AS BOOLEAN), list_contains(r.flags, 'likely_not_a_deal')) AS not_a_deal,
    f.fix['same_deal_as']                                AS same_deal_as
FROM records r
LEFT JOIN fixes f USING (record_id);

-- Totals (CONTRACT.md): a counted deal adds its amount; a counted bundle adds
-- only its remainder, its amount less what its counted components already
-- add; events and repeats add nothing. A component without an amount that is
-- itself a bundle passes its own priced components up, so with nested bundles
-- each amount is subtracted once, from the nearest priced bundle above it.
CREATE OR REPLACE VIEW ledger_live AS
WITH RECURSIVE
climb(record_id, amount, parent, depth) AS (
    -- every counted, priced component, walking up through unpriced counted
    -- bundles until it reaches a priced bundle (depth bounds a cycle of part_of)
    SELECT record_id, amount_cny, part_of, 1
    FROM records_fixed
    WHERE counts_in_totals AND amount_cny IS NOT NULL AND part_of IS NOT NULL
    UNION ALL
    SELECT c.record_id, c.amount, p.part_of, c.depth + 1
    FROM climb c JOIN records_fixed p ON p.record_id = c.parent
    WHERE p.amount_cny IS NULL AND p.counts_in_totals AND p.part_of IS NOT NULL AND c.depth < 8
),
covered AS (
    -- Components and bundles are taken as the deals they stand for (same_deal), so a
    -- bundle repeated in a second article passes its components to the bundle that is
    -- counted, and a component reported by both articles comes off once.
    SELECT parts.parent_id AS record_id, sum(parts.amount) AS covered
    FROM (
        SELECT coalesce(ps.deal_id, c.parent) AS parent_id, coalesce(cs.deal_id, c.record_id) AS component_id,
               max(c.amount) AS amount
        FROM climb c
        LEFT JOIN same_deal ps ON ps.record_id = c.parent
        LEFT JOIN same_deal cs ON cs.record_id = c.record_id
        GROUP BY ALL
    ) parts
    JOIN records_fixed b ON b.record_id = parts.parent_id
    WHERE b.amount_cny IS NOT NULL
    GROUP BY parts.parent_id
)
SELECT
    r.* REPLACE (r.counts_in_totals AND (s.deal_id IS NULL OR s.deal_id = r.record_id) AS counts_in_totals),
    CASE WHEN s.deal_id <> r.record_id THEN s.deal_id END AS repeat_of,
    coalesce(s.n_sources, 1) AS n_sources,
    CASE
        WHEN NOT r.counts_in_totals OR s.deal_id <> r.record_id THEN 0.0
        WHEN r.kind = 'deal' THEN coalesce(r.amount_cny, 0.0)
        WHEN r.kind = 'bundle' THEN greatest(0.0, coalesce(r.amount_cny, 0.0) - coalesce(cv.covered, 0.0))
        ELSE 0.0
    END AS contribution
FROM records_fixed r
LEFT JOIN same_deal s USING (record_id)
LEFT JOIN covered cv USING (record_id);

-- What a chart's bar is called, for each dimension a figure can be cut by (query.DIMENSIONS):
-- a record without a value still has a label, so the bars of a chart add up to the total.
CREATE OR REPLACE MACRO label_city(city, province) AS coalesce(city, province || ' (province-wide)', '(no place)');
CREATE OR REPLACE MACRO label_province(province) AS coalesce(province, '(no province)');
CREATE OR REPLACE MACRO label_sector(sector) AS coalesce(sector, '(no sector)');
CREATE OR REPLACE MACRO label_park(park) AS coalesce(park, '(no park)');
CREATE OR REPLACE MACRO label_status(status) AS coalesce(status, '(no status)');
CREATE OR REPLACE MACRO label_year(date_start) AS coalesce(CAST(year(date_start) AS VARCHAR), '(no date)');
CREATE OR REPLACE MACRO label_subsector(subsector) AS coalesce(subsector, '(no subsector)');
-- A record dated only by its year (or quarter) cannot go in one month: it gets its own bar at
-- the start of its year, "2021 (no month)".
CREATE OR REPLACE MACRO label_month(date_start, date_end) AS
    CASE WHEN date_start IS NULL THEN '(no date)'
         WHEN date_trunc('month', date_start) = date_trunc('month', date_end) THEN strftime(date_start, '%Y-%m')
         ELSE CAST(year(date_start) AS VARCHAR) || ' (no month)' END;
CREATE OR REPLACE MACRO label_quarter(date_start, date_end) AS
    CASE WHEN date_start IS NULL THEN '(no date)'
         WHEN date_trunc('quarter', date_start) = date_trunc('quarter', date_end)
         THEN CAST(year(date_start) AS VARCHAR) || ' Q' || CAST(quarter(date_start) AS VARCHAR)
         ELSE CAST(year(date_start) AS VARCHAR) || ' (no quarter)' END;

-- Articles numbered in the order the app lists them (newest first, then by file name), so a
-- list of articles is ordered by one integer, and "how many articles" is an exact
-- bitstring_agg over small integers instead of a count(DISTINCT text).
CREATE OR REPLACE VIEW article_numbers AS
SELECT article_id,
       CAST(row_number() OVER (ORDER BY published DESC NULLS LAST, file_name, article_id) AS INTEGER) AS article_no
FROM articles;

-- The map point of every (park, city, province) the records name: its park when the gazetteer
-- places that park (names compared case-insensitively), else its city. A spot whose park and
-- city are both unknown to the gazetteer has no row, and its records are not on the map.
-- Several places of one name (two Fuzhous) give one point per spot, never two: a record is
-- never drawn, or counted, twice. A point (name, kind, lat, lon) is numbered (point_no), and
-- several spots can share one. Reads `places`: ingest refreshes them before derive().
CREATE OR REPLACE VIEW spot_points_live AS
WITH spot AS (SELECT DISTINCT park, city, province FROM records_fixed),
located AS (
    SELECT s.park, s.city AS spot_city, s.province AS spot_province,
           coalesce(p.name, c.name) AS name,
           CASE WHEN p.name IS NOT NULL THEN 'park' ELSE 'city' END AS kind,
           coalesce(p.city, s.city) AS city,
           coalesce(p.province, c.province, s.province) AS province,
           coalesce(p.lat, c.lat) AS lat, coalesce(p.lon, c.lon) AS lon
    FROM spot s
    LEFT JOIN places p ON p.kind = 'park' AND lower(p.name) = lower(s.park)
         AND p.lat IS NOT NULL AND (s.province IS NULL OR p.province IS NULL OR p.province = s.province)
    LEFT JOIN places c ON c.kind = 'city' AND c.name = s.city
         AND c.lat IS NOT NULL AND (s.province IS NULL OR c.province = s.province)
    WHERE coalesce(p.name, c.name) IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY s.park, s.city, s.province
        ORDER BY (p.province = s.province) DESC NULLS LAST, p.name, p.lat, c.name, c.lat) = 1
)
SELECT *, CAST(dense_rank() OVER (ORDER BY name, kind, lat, lon) AS INTEGER) AS point_no FROM located;
CREATE TABLE IF NOT EXISTS spot_points AS SELECT * FROM spot_points_live LIMIT 0;

-- Every (province, city) the records name, numbered in the ledger's order (province, then city,
-- no value last). The ledger is sorted by this number, so a city filter can skip the rest of the
-- file: the query layer adds `place_no IN (SELECT place_no FROM place_index WHERE city IN ...)`,
-- which DuckDB turns into a filter on the ledger's scan. On the city names alone it could not: a
-- row group holds several provinces, whose cities span most of the alphabet.
CREATE OR REPLACE VIEW place_index_live AS
SELECT province, city, CAST(row_number() OVER (ORDER BY province NULLS LAST, city NULLS LAST) AS INTEGER) AS place_no
FROM (SELECT DISTINCT province, city FROM records_fixed);
CREATE TABLE IF NOT EXISTS place_index AS SELECT * FROM place_index_live LIMIT 0;

-- ledger_live with three numbers that make the reads fast; store.derive writes it as the
-- table `ledger`, sorted by place and list order so that place filters skip most of the file:
--   article_no  its article's (article_numbers);
--   rank_no     the record's place in the order every records table is listed in (biggest
--               contribution first), so a page of records is the smallest rank_no's of a
--               filter (ids first), and only that page's wide rows are read;
--   point_no    the map point it is drawn at (spot_points), NULL when it is not on the map;
--   place_no    its (province, city) in place_index: the ledger's sort key;
-- its article's columns that a records table shows (title, published, file_name, url,
-- publisher), so that a page of records is read from the ledger alone: a join to the articles
-- reads every article's titles to find a hundred; and the labels of its year, quarter and month
-- (the macros below), which the time charts group by: stored, a group by them costs a third
-- to a half less than computing them on every read.
-- The rank is computed on a narrow copy and joined back: a window over the whole wide rows
-- costs several times more.
CREATE OR REPLACE VIEW ledger_numbered AS
WITH live AS MATERIALIZED (SELECT * FROM ledger_live),
ranks AS (
    SELECT record_id,
           CAST(row_number() OVER (ORDER BY contribution DESC, amount_cny DESC NULLS LAST,
                                            date_start DESC NULLS LAST, record_id) AS INTEGER) AS rank_no
    FROM live
)
SELECT live.*, n.article_no, ranks.rank_no, s.point_no, pl.place_no,
       a.title, a.published, a.file_name, a.url, a.publisher,
       label_year(live.date_start) AS year_label, label_quarter(live.date_start, live.date_end) AS quarter_label,
       label_month(live.date_start, live.date_end) AS month_label
FROM live
JOIN ranks USING (record_id)
LEFT JOIN article_numbers n USING (article_id)   -- every record has its article; a test's may not
LEFT JOIN articles a USING (article_id)
LEFT JOIN spot_points s ON s.park IS NOT DISTINCT FROM live.park AND s.spot_city IS NOT DISTINCT FROM live.city
                       AND s.spot_province IS NOT DISTINCT FROM live.province
LEFT JOIN place_index pl ON pl.province IS NOT DISTINCT FROM live.province
                        AND pl.city IS NOT DISTINCT FROM live.city;

CREATE TABLE IF NOT EXISTS ledger AS SELECT * FROM ledger_numbered LIMIT 0;

-- Rollups of the ledger, rewritten with it by store.derive; query.py reads them where they
-- give the same numbers as the ledger (tests/test_rollup.py checks that they do).

-- The cube by years: one row per (province, city, sector, status, kind) and each record's dates widened to
-- whole years (date_start to 1 January of its year, date_end to 31 December of its year). A
-- date filter from a 1 January to a 31 December keeps exactly the records whose widened dates
-- it keeps (date_end >= 1 January Y when its year is Y or later; date_start <= 31 December Y
-- when its year is Y or earlier), so such a view reads these cells with the filter's own SQL;
-- a view with any other day reads the ledger (query._on_cube). Every sum and count the headline and the
-- charts need, and the cell's articles, so such a view reads a few thousand rows instead of a million.
CREATE OR REPLACE VIEW ledger_cube_years_live AS
SELECT province, city, sector, status, kind,
       CAST(date_trunc('year', date_start) AS DATE)                               AS date_start,
       CAST(date_trunc('year', date_end) + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) AS date_end,
       coalesce(sum(contribution), 0)                                             AS total_cny,
       count(*)                                                                   AS records,
       count(*) FILTER (kind = 'deal' AND repeat_of IS NULL)                      AS deals,
       count(*) FILTER (kind = 'bundle' AND repeat_of IS NULL)                    AS bundles,
       count(*) FILTER (kind = 'event' AND repeat_of IS NULL)                     AS events,
       count(*) FILTER (kind <> 'event' AND amount_cny IS NULL AND repeat_of IS NULL) AS undisclosed,
       count(*) FILTER (repeat_of IS NOT NULL)                                    AS repeats,
       count(*) FILTER (qualifier = 'at_least' AND contribution > 0)              AS lower_bounds,
       list(DISTINCT article_no)                                                  AS article_nos
FROM ledger
GROUP BY ALL;
CREATE TABLE IF NOT EXISTS ledger_cube_years AS SELECT * FROM ledger_cube_years_live LIMIT 0;

-- The cube: the cube by years without its dates (derive writes ledger_cube_years first), for the
-- views filtered on province, city, sector, status and kind only (no dates).
CREATE OR REPLACE VIEW ledger_cube_live AS
SELECT province, city, sector, status, kind,
       sum(total_cny)                                                             AS total_cny,
       CAST(sum(COLUMNS(* EXCLUDE (province, city, sector, status, kind, date_start, date_end, total_cny,
                                   article_nos))) AS BIGINT),
       list_distinct(flatten(list(article_nos)))                                 AS article_nos
FROM ledger_cube_years
GROUP BY ALL;
CREATE TABLE IF NOT EXISTS ledger_cube AS SELECT * FROM ledger_cube_live LIMIT 0;

-- The unfiltered view, which every first visit opens: its totals by each dimension.
-- (bitstring_agg takes the bounds of article_no from the table's statistics.)
CREATE OR REPLACE VIEW ledger_by_live AS
SELECT dim, label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
       bit_count(bitstring_agg(article_no)) AS articles
FROM (SELECT unnest([
          {'dim': 'city', 'label': label_city(city, province)},
          {'dim': 'province', 'label': label_province(province)},
          {'dim': 'sector', 'label': label_sector(sector)},
          {'dim': 'park', 'label': label_park(park)},
          {'dim': 'status', 'label': label_status(status)},
          {'dim': 'kind', 'label': kind},
          {'dim': 'year', 'label': year_label}], recursive := true),
             contribution, article_no
      FROM ledger)
GROUP BY dim, label;
CREATE TABLE IF NOT EXISTS ledger_by AS SELECT * FROM ledger_by_live LIMIT 0;

-- Every article in list order with what a list shows of it, and its records and total in the
-- unfiltered view: a Sources or Articles list reads its page of articles here by number.
CREATE OR REPLACE VIEW article_index_live AS
SELECT n.article_no, a.article_id, a.title, a.publisher, a.published, a.file_name, a.url, a.language,
       coalesce(s.records, 0) AS records, coalesce(s.total_cny, 0) AS total_cny
FROM articles a
JOIN article_numbers n USING (article_id)
LEFT JOIN (SELECT article_no, count(*) AS records, coalesce(sum(contribution), 0) AS total_cny
           FROM ledger GROUP BY article_no) s USING (article_no)
ORDER BY n.article_no;
CREATE TABLE IF NOT EXISTS article_index AS SELECT * FROM article_index_live LIMIT 0;

-- The first records in list order, whole, in that order: a page of the unfiltered view, or of
-- a filter whose records are mostly big ones, is read from here rather than from rows spread
-- over the whole ledger.
CREATE OR REPLACE VIEW ledger_head_live AS
SELECT * FROM ledger WHERE rank_no <= 20000 ORDER BY rank_no;
CREATE TABLE IF NOT EXISTS ledger_head AS SELECT * FROM ledger_head_live LIMIT 0;


-- The unfiltered view's stacked bars (query.totals_split), for every pair of dimensions the
-- pages stack: the Overview's places and sectors by status, the Trends page's years, quarters
-- and months by status or sector, subsectors and cities by sector. Labels as query.DIMENSIONS.
CREATE OR REPLACE VIEW ledger_split_live AS
WITH labelled AS (
    SELECT contribution, article_no,
           label_city(city, province) AS l_city, label_sector(sector) AS l_sector,
           label_status(status) AS l_status, label_subsector(subsector) AS l_subsector,
           year_label AS l_year, month_label AS l_month, quarter_label AS l_quarter
    FROM ledger
)
SELECT dim, split, label, part, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
       count(DISTINCT article_no) AS articles
FROM (SELECT unnest([
          {'dim': 'city', 'split': 'status', 'label': l_city, 'part': l_status},
          {'dim': 'sector', 'split': 'status', 'label': l_sector, 'part': l_status},
          {'dim': 'year', 'split': 'status', 'label': l_year, 'part': l_status},
          {'dim': 'quarter', 'split': 'status', 'label': l_quarter, 'part': l_status},
          {'dim': 'month', 'split': 'status', 'label': l_month, 'part': l_status},
          {'dim': 'year', 'split': 'sector', 'label': l_year, 'part': l_sector},
          {'dim': 'quarter', 'split': 'sector', 'label': l_quarter, 'part': l_sector},
          {'dim': 'month', 'split': 'sector', 'label': l_month, 'part': l_sector},
          {'dim': 'subsector', 'split': 'sector', 'label': l_subsector, 'part': l_sector},
          {'dim': 'city', 'split': 'sector', 'label': l_city, 'part': l_sector}], recursive := true),
             contribution, article_no
      FROM labelled)
GROUP BY dim, split, label, part;
CREATE TABLE IF NOT EXISTS ledger_split AS SELECT * FROM ledger_split_live LIMIT 0;

-- The unfiltered view's investors (query.top_investors): every investor a record names, with
-- the money of the records that name it.
CREATE OR REPLACE VIEW investors_by_live AS
SELECT investor AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
       count(DISTINCT article_no) AS articles
FROM (SELECT unnest(investors) AS investor, contribution, article_no FROM ledger)
WHERE investor IS NOT NULL AND investor <> ''
GROUP BY investor;
CREATE TABLE IF NOT EXISTS investors_by AS SELECT * FROM investors_by_live LIMIT 0;

-- The map's points, one row per point_no with its name, kind, place and coordinates, and the
-- unfiltered view's totals at it (query.map_points).
CREATE OR REPLACE VIEW point_index_live AS
WITH points AS (
    SELECT point_no, any_value(name) AS name, any_value(kind) AS kind, min(city) AS city,
           min(province) AS province, any_value(lat) AS lat, any_value(lon) AS lon
    FROM spot_points GROUP BY point_no
), totals AS (
    SELECT point_no, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
           bit_count(bitstring_agg(article_no)) AS articles
    FROM ledger WHERE point_no IS NOT NULL GROUP BY point_no
)
SELECT p.*, coalesce(t.total_cny, 0) AS total_cny, coalesce(t.records, 0) AS records,
       coalesce(t.articles, 0) AS articles
FROM points p LEFT JOIN totals t USING (point_no)
ORDER BY point_no;
CREATE TABLE IF NOT EXISTS point_index AS SELECT * FROM point_index_live LIMIT 0;

-- The narrow ledger: every record's numbers and nothing else, for the views the rollups cannot
-- answer (a date inside a year, a park, the per-article lists, the map and the investors under a
-- filter). Each dimension a figure is cut by is a number here, not text: label_index numbers the
-- labels of each dimension (query.DIMENSIONS), investor_index the investors' names. A scan of a
-- few small integers costs a fraction of one of the ledger's text columns, and a group by them
-- is a group by integers, whose labels are joined in for the few groups a chart shows.
-- `named`: the label is a value (not the label of no value, '(no sector)'), so a filter on
-- values (sector IN (...)) keeps its records; a value spelled like the label of no value would
-- be read as that label.
CREATE OR REPLACE VIEW label_index_live AS
SELECT dim, label, bool_or(named) AS named,
       CAST(row_number() OVER (PARTITION BY dim ORDER BY label) AS INTEGER) AS label_no
FROM (SELECT unnest([
          {'dim': 'city', 'label': label_city(city, province), 'named': city IS NOT NULL},
          {'dim': 'province', 'label': label_province(province), 'named': province IS NOT NULL},
          {'dim': 'sector', 'label': label_sector(sector), 'named': sector IS NOT NULL},
          {'dim': 'park', 'label': label_park(park), 'named': park IS NOT NULL},
          {'dim': 'status', 'label': label_status(status), 'named': status IS NOT NULL},
          {'dim': 'kind', 'label': kind, 'named': kind IS NOT NULL},
          {'dim': 'year', 'label': year_label, 'named': date_start IS NOT NULL},
          {'dim': 'subsector', 'label': label_subsector(subsector), 'named': subsector IS NOT NULL},
          {'dim': 'month', 'label': month_label, 'named': date_start IS NOT NULL},
          {'dim': 'quarter', 'label': quarter_label, 'named': date_start IS NOT NULL}], recursive := true)
      FROM ledger)
GROUP BY dim, label;
CREATE TABLE IF NOT EXISTS label_index AS SELECT * FROM label_index_live LIMIT 0;

CREATE OR REPLACE VIEW investor_index_live AS
SELECT name, CAST(row_number() OVER (ORDER BY name) AS INTEGER) AS investor_no
FROM (SELECT DISTINCT unnest(investors) AS name FROM ledger)
WHERE name IS NOT NULL;
CREATE TABLE IF NOT EXISTS investor_index AS SELECT * FROM investor_index_live LIMIT 0;

-- One row per record of the ledger (rank_no is its key there): its filters and figures as numbers.
-- deal, bundle, event, undisclosed, repeat and lower_bound are the headline's and the cube's
-- counts (a first report of a deal, bundle or event; no amount; a repeat; a lower bound that
-- adds to the total); has_city, whether it names a city (the headline's count of cities).
-- store.derive writes it twice, in the two orders the filters need: figures_by_place (by
-- place_no, then date: province and city filters read their places' row groups) and
-- figures_by_sector (by sector, then date: sector filters read their sectors', a date range
-- the part of each sector it spans); query._figures picks one.
CREATE OR REPLACE VIEW figures_live AS
WITH investors AS (
    SELECT u.rank_no, list(i.investor_no) AS investor_nos
    FROM (SELECT rank_no, unnest(investors) AS name FROM ledger) u JOIN investor_index i USING (name)
    GROUP BY u.rank_no
)
SELECT l.rank_no, l.article_no, l.place_no, l.point_no, l.date_start, l.date_end, l.contribution,
       l.kind = 'deal' AND l.repeat_of IS NULL                                AS deal,
       l.kind = 'bundle' AND l.repeat_of IS NULL                              AS bundle,
       l.kind = 'event' AND l.repeat_of IS NULL                               AS event,
       l.kind <> 'event' AND l.amount_cny IS NULL AND l.repeat_of IS NULL     AS undisclosed,
       l.repeat_of IS NOT NULL                                                AS repeat,
       coalesce(l.qualifier = 'at_least' AND l.contribution > 0, false)       AS lower_bound,
       l.city IS NOT NULL                                                     AS has_city,
       city.label_no AS city_no, province.label_no AS province_no, sector.label_no AS sector_no,
       park.label_no AS park_no, status.label_no AS status_no, kind.label_no AS kind_no,
       yr.label_no AS year_no, subsector.label_no AS subsector_no, mon.label_no AS month_no,
       qtr.label_no AS quarter_no,
       coalesce(inv.investor_nos, []) AS investor_nos
FROM ledger l
LEFT JOIN label_index city ON city.dim = 'city' AND city.label = label_city(l.city, l.province)
LEFT JOIN label_index province ON province.dim = 'province' AND province.label = label_province(l.province)
LEFT JOIN label_index sector ON sector.dim = 'sector' AND sector.label = label_sector(l.sector)
LEFT JOIN label_index park ON park.dim = 'park' AND park.label = label_park(l.park)
LEFT JOIN label_index status ON status.dim = 'status' AND status.label = label_status(l.status)
LEFT JOIN label_index kind ON kind.dim = 'kind' AND kind.label IS NOT DISTINCT FROM l.kind
LEFT JOIN label_index yr ON yr.dim = 'year' AND yr.label = l.year_label
LEFT JOIN label_index subsector ON subsector.dim = 'subsector' AND subsector.label = label_subsector(l.subsector)
LEFT JOIN label_index mon ON mon.dim = 'month' AND mon.label = l.month_label
LEFT JOIN label_index qtr ON qtr.dim = 'quarter' AND qtr.label = l.quarter_label
LEFT JOIN investors inv USING (rank_no);
CREATE TABLE IF NOT EXISTS figures_by_place AS SELECT * FROM figures_live LIMIT 0;
CREATE TABLE IF NOT EXISTS figures_by_sector AS SELECT * FROM figures_live LIMIT 0;

-- The largest article_no (store.derive writes it again with the ledger): the bound of the
-- exact article counts over the cube's article lists, which have no statistics to take it from.
CREATE MACRO IF NOT EXISTS article_bound() AS 1;

INSERT OR REPLACE INTO meta VALUES ('schema_version', '7');
