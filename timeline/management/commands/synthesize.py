"""``manage.py synthesize --events N [--seed S]``: a database full of realistic events."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from timeline.synthetic import synthesize


class Command(BaseCommand):
    help = (
        "Fill the database with N synthetic events (real countries, made-up people, a "
        "realistic mix of types and date precisions), each reported by 1-3 sentences of "
        "synthetic articles. For benchmarks and demos; the same seed gives the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, required=True, help="how many events")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, events: int, seed: int, **options):
        if events < 1:
            raise CommandError("--events must be at least 1")
        began, cpu = time.perf_counter(), time.process_time()
        try:
            stored = synthesize(events, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        summary = ", ".join(f"{n:,} {name}" for name, n in stored.items())
        # The processor time too: on a shared machine the clock also counts the others' work.
        self.stdout.write(
            f"Synthesized {summary} in {took:.1f} s ({cpu:.1f} s of processor time; seed {seed})."
        )
