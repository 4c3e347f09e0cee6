"""Regional tech investment in China: articles -> deal records -> DuckDB -> Streamlit dashboard."""
