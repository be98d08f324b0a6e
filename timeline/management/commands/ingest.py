"""``manage.py ingest PATH...`` and ``manage.py ingest --reextract [PATH...]``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from timeline import services, sources
from timeline.models import Article


class Command(BaseCommand):
    help = (
        "Ingest articles: plain-text files (.txt, with an optional header block), saved web "
        "pages (.html, .htm), folders of those, and http(s):// links. Idempotent: an article "
        "already stored (same text, or a link already fetched) is left as it is. With "
        "--reextract, re-run the extraction over stored articles (all of them when no path is "
        "given), keeping every editor's change."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="article files, folders or http(s) links")
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="re-run extraction over stored articles (those at PATH..., or all)",
        )

    def handle(self, *args, paths=(), reextract=False, **options):
        if reextract:
            return self._reextract(paths)
        if not paths:
            raise CommandError("give at least one file or folder to ingest (or --reextract)")
        report = services.ingest_paths(paths, echo=self.stdout.write)
        self.stdout.write(
            f"{len(report.created)} added, {len(report.unchanged)} unchanged, "
            f"{len(report.failed)} failed; {report.events} events on the timeline."
        )
        if report.failed:
            names = "\n".join(f"  {path}: {why}" for path, why in report.failed)
            raise CommandError(f"{len(report.failed)} article(s) failed:\n{names}")

    def _reextract(self, paths):
        if not paths:
            articles = None
        else:
            articles, missing = [], []
            for path in sources.expand(paths):
                try:
                    article = _stored(path)
                except sources.ArticleError as exc:
                    missing.append(f"  {path}: {exc}")
                    continue
                if article is None:
                    missing.append(f"  {path}: not ingested yet (run ingest first)")
                else:
                    articles.append(article)
            if missing:
                raise CommandError("cannot re-extract:\n" + "\n".join(missing))
        count = services.reextract(articles)
        done = "all articles" if articles is None else f"{len(articles)} article(s)"
        self.stdout.write(f"Re-extracted {done}; {count} events on the timeline.")


def _stored(spec) -> Article | None:
    """The stored article a file or link was ingested as (a link is not fetched again)."""
    if sources.is_url(spec):
        stored = Article.objects.filter(source_name=spec).first()
        if stored:
            return stored
    text = sources.read(spec).text
    return Article.objects.filter(content_hash=services.content_hash(text)).first()
