"""The command line: every command documented in the README; corrections and password hashes
from the shell, refusals as one line."""
from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

import pytest

from conftest import gazetteer, record
from dashboard import corrections as fixes
from dashboard import store
from dashboard.cli import build_parser, main
from dashboard.passwords import verify_password

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command of the parser, as word tuples."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append((*prefix, name))
                out.extend(commands(sub, (*prefix, name)))
    return out


def test_the_parser_has_the_commands_this_test_expects():
    assert {("correct",), ("corrections", "import"), ("password-hash",)} <= set(commands(build_parser()))


@pytest.mark.parametrize("words", commands(build_parser()), ids=" ".join)
def test_every_command_is_documented_in_the_readme(words):
    usage = "python -m dashboard " + " ".join(words)
    assert re.search(re.escape(usage) + r"(\s|$)", README), f"README does not show `{usage} ...`"


@pytest.fixture
def db(tmp_path, write_articles):
    path = tmp_path / "deals.duckdb"
    store.ingest(write_articles({"one.txt": "Tencent in Chengdu\nPost Time:2020-08-21\n\nEvidence of a1."}), path,
                 extractor=lambda a: [record("a1", investors=["Tencent"], amount=5e9)], gazetteer=gazetteer)
    con = store.connect(path)
    rid = con.execute("SELECT record_id FROM records").fetchone()[0]
    con.close()
    return path, rid


def test_correct_then_list(db, capsys):
    path, rid = db
    assert main(["correct", rid, "city", "Mianyang", "--note", "the plant is in Mianyang",
                 "--author", "ana", "--db", str(path)]) == 0
    assert "recorded and applied" in capsys.readouterr().out
    assert main(["corrections", "list", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"ana  {rid}  city: Chengdu -> Mianyang  # the plant is in Mianyang" in out


def test_a_refused_correction_is_one_line(db, capsys):
    path, rid = db
    assert main(["correct", rid, "sector", "Magic", "--note", "x", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: sector: 'Magic' is not one of") and err.count("\n") == 1
    assert "Traceback" not in err
    assert not fixes.log_path(str(path)).exists()


def test_correct_without_a_database_says_how_to_build_it(tmp_path, capsys):
    assert main(["correct", "x:a1", "city", "Wuhu", "--note", "n", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "python -m dashboard ingest" in capsys.readouterr().err


def test_import_and_apply(db, tmp_path, capsys):
    path, rid = db
    f = tmp_path / "fixes.csv"
    f.write_text(f"record_id,field,value,note\n{rid},not_a_deal,true,a target not a deal\n", encoding="utf-8")
    assert main(["corrections", "import", str(f), "--author", "li", "--db", str(path)]) == 0
    assert main(["corrections", "apply", "--db", str(path)]) == 0
    assert "1 correction applied" in capsys.readouterr().out
    assert main(["corrections", "list", "--lost", "--db", str(path)]) == 0
    assert "Every correction finds its record." in capsys.readouterr().out


def test_password_hash_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    assert main(["password-hash", "--name", "ana"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    name, value = line.split(" = ")
    assert name == "ana" and verify_password("a long passphrase", value.strip('"'))
    assert not verify_password("a long passphrasE", value.strip('"'))


def test_password_hash_refuses_a_short_password(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["password-hash", "--name", "ana"]) == 1
    assert "at least" in capsys.readouterr().err
