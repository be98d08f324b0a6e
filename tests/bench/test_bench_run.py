"""bench/run.py, the one benchmark command: it runs, it survives a missing script, and its
summary names every target. No timing is asserted here (figures belong to the bench)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_quick_run_of_one_bench_prints_its_output_and_the_summary():
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--only", "temporal"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "bench/temporal_bench.py --repeat 1" in out  # the quick option it knows
    summary = out[out.index("Summary: issue #9's targets") :]
    assert "load test: requests, errors" in summary
    assert "not run" in summary  # the targets of the benches left out
    assert "temporal   dateparser / find_timexes time ratio:" in summary
    assert "temporal       ok" in summary


def test_a_missing_script_is_reported_not_available_and_the_run_goes_on(capsys):
    run = load_run_module()
    missing = run.Step("missing", "bench/no_such_bench.py", "a bench not merged yet")
    outcome = run.run(missing, quick=True, timeout=60)
    assert outcome.state == "not available"
    target = run.Target("missing", "a figure", "<= 2x", lambda f: f"{f['x']}", lambda f: True)
    assert run.verdict(target, outcome) == ("not available", "")
    assert "not available: bench/no_such_bench.py" in capsys.readouterr().out


def test_a_figure_missing_from_a_finished_script_sends_the_reader_to_its_output():
    run = load_run_module()
    target = next(t for t in run.TARGETS if t.step == "load" and t.met)
    assert run.verdict(target, run.Outcome("ok", figures={})) == ("see its output (ok)", "")
    measured = run.Outcome("ok", figures={"requests": 900, "errors": 2})
    assert run.verdict(target, measured) == ("900, 2", "NOT met")
