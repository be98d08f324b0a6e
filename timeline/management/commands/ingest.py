"""``manage.py ingest PATH...`` and ``manage.py ingest --reextract [PATH...]``."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

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
        parser.add_argument(
            "--progress",
            choices=["auto", "bar", "lines"],
            default="auto",
            help="a progress bar (articles/s, ETA) or one line per article; "
            "auto: the bar when the output is a terminal (default)",
        )

    def handle(self, *args, paths=(), reextract=False, progress="auto", **options):
        self.bar_wanted = progress == "bar" or (progress == "auto" and self.stdout.isatty())
        if reextract:
            return self._reextract(paths)
        if not paths:
            raise CommandError("give at least one file or folder to ingest (or --reextract)")
        specs = sources.expand(paths)
        with self._progress(len(specs), "ingest") as (echo, on_item):
            report = services.ingest_paths(specs, echo=echo, on_item=on_item)
        if report.finished_pending:
            self.stdout.write(
                f"Finished the timeline work an interrupted run left for "
                f"{report.finished_pending} article(s)."
            )
        self.stdout.write(
            f"{len(report.created)} added, {len(report.unchanged)} unchanged, "
            f"{len(report.failed)} failed; {report.events} events on the timeline."
        )
        if report.failed:
            names = "\n".join(f"  {path}: {why}" for path, why in report.failed)
            raise CommandError(f"{len(report.failed)} article(s) failed:\n{names}")

    @contextmanager
    def _progress(self, total: int, what: str):
        """(echo, on_item) for the services: plain lines, one per article, when
        the output is not a terminal; a bar with articles/s and the ETA when it
        is, with only failures and notes printed above it."""
        if not self.bar_wanted:
            yield self.stdout.write, None
            return
        bar = tqdm(
            total=total, desc=what, unit="article", file=self.stdout._out, dynamic_ncols=True
        )

        def on_item(outcome: str, line: str) -> None:
            bar.update(1)
            if outcome == "failed":
                bar.write(line, file=self.stdout._out)
            if bar.n == total:
                bar.set_postfix_str("updating the timeline", refresh=True)

        with bar:
            yield (lambda line: bar.write(line, file=self.stdout._out)), on_item

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
        chosen = list(Article.objects.order_by("pk")) if articles is None else articles
        failed = []
        with self._progress(len(chosen), "re-extract") as (echo, on_item):
            tell = on_item or (lambda _outcome, line: echo(line))

            def note(outcome: str, line: str) -> None:
                if outcome == "failed":
                    failed.append(line)
                tell(outcome, line)

            count = services.reextract(chosen, on_item=note)
        done = "all articles" if articles is None else f"{len(articles)} article(s)"
        self.stdout.write(f"Re-extracted {done}; {count} events on the timeline.")
        if failed:
            raise CommandError(f"{len(failed)} article(s) failed:\n" + "\n".join(failed))


def _stored(spec) -> Article | None:
    """The stored article a file or link was ingested as (a link is not fetched again)."""
    if sources.is_url(spec):
        stored = Article.objects.filter(source_name=spec).first()
        if stored:
            return stored
    text = sources.read(spec).text
    return Article.objects.filter(content_hash=services.content_hash(text)).first()
