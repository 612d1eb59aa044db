"""briefing-site: news sources in, structured Markdown briefings and a static site out.

The pipeline, one module or package per stage:
ingest (files -> Source) -> extract (Source -> Extraction) -> assemble
(Extractions -> Briefings) -> render (Briefing -> Markdown) -> site (MkDocs).
`generator.build.build` runs them in that order.
"""

__version__ = "0.1.0"
