"""`make bench`: what a build costs, against the tools it stands on, measured in one run.

    .venv/bin/python tools/bench.py [--sizes 100,500] [--extract-n 500] [--workers 2]

Makes corpora of distinct sources from the real articles (tools/bench_corpus.py)
in bench/ (git-ignored), prints one line per figure with its target and
PASS/FAIL, and writes bench.json at the project root:

1. extraction: `extract_sources` on 1 process (empty cache) against spaCy's
   `nlp.pipe` over the same texts with the same model, both in one process with
   the model loaded; compared on CPU time (wall clock printed beside it);
2. parallel: the same extraction on --workers processes vs 1 (wall clock), and
   whether the outputs are identical;
3. cold build: `briefing build` of a fresh project (a subprocess, wall clock)
   against plain `mkdocs build` of the Markdown it generated (a subprocess);
4. incremental: one source added to the built corpus and rebuilt, against the
   cold build, at both sizes;
5. peak memory of the cold build: RSS summed over the build process and its
   workers, sampled every 100 ms from /proc (shared pages counted once per
   process, so an upper bound; PSS, which splits them, is printed beside it),
   and ru_maxrss from wait4 (the largest single process);
6. the site step (`build_site`: MkDocs, feeds, cards, swap) per page.

Builds run `briefing build` through `--timed-build`, which wraps the pipeline's
stage functions with timers and changes nothing else, so each build also says
where its time went. Wall-clock figures need an otherwise idle machine; CPU
times are printed beside them because they do not depend on other load.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_corpus  # noqa: E402

ROOT = bench_corpus.ROOT
BIN = Path(sys.executable).parent
WORKDIR = ROOT / "bench"
RESULT_FILE = ROOT / "bench.json"
MIB = 1024 * 1024

TARGETS = {
    "extract_vs_spacy": ("<=", 1.3),
    "parallel_speedup": (">=", 1.7),
    "build_vs_mkdocs": ("<=", 2.0),
    "incremental_vs_cold_500": ("<=", 0.15),
    "peak_rss_mb_500": ("<=", 1024.0),
}


# --- running a build as a measured subprocess -------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    """ru_maxrss from wait4: the largest single process of the tree (build or a waited-for worker)."""
    tree_rss_mb: float
    """Peak of the summed RSS of the process and all its descendants, sampled (shared pages counted in each)."""
    tree_pss_mb: float
    """Peak of the summed PSS of the same processes (shared pages divided among them), sampled."""
    cpu: float = 0.0
    """User + system CPU seconds of the process and its waited-for descendants."""
    stages: dict[str, float] = field(default_factory=dict)
    output: str = ""


def run_measured(command: list[str], *, stages_file: Path | None = None) -> Run:
    """Run `command`, timing it and sampling the memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(process.pid)
    sampler.start()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}):\n{output[-4000:]}")
    stages = json.loads(stages_file.read_text()) if stages_file and stages_file.exists() else {}
    return Run(seconds=seconds, max_rss_mb=usage.ru_maxrss / 1024, tree_rss_mb=sampler.peak_rss / MIB,
               tree_pss_mb=sampler.peak_pss / MIB,
               cpu=usage.ru_utime + usage.ru_stime, stages=stages, output=output)


class TreeSampler(threading.Thread):
    """Peaks of the summed resident memory (RSS and PSS) of a process and its descendants, from /proc."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            tree = self._tree()
            self.peak_rss = max(self.peak_rss, sum(_memory(pid, "Rss") for pid in tree))
            self.peak_pss = max(self.peak_pss, sum(_memory(pid, "Pss") for pid in tree))
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, [])
        return tree


def _memory(pid: int, field: str) -> int:
    """Bytes of `field` (Rss, Pss) in /proc/PID/smaps_rollup; 0 once the process is gone."""
    try:
        for row in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if row.startswith(f"{field}:"):
                return int(row.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def briefing_build(project: Path, workers: int | None) -> Run:
    stages_file = project / ".bench-stages.json"
    stages_file.unlink(missing_ok=True)
    command = [sys.executable, __file__, "--timed-build", str(project), "--stages-out", str(stages_file)]
    if workers is not None:
        command += ["--build-workers", str(workers)]
    return run_measured(command, stages_file=stages_file)


def plain_mkdocs(project: Path) -> Run:
    """`mkdocs build` of the Markdown the build generated, into a folder of its own, without the
    `briefing` plugin (and so without its page cache): MkDocs alone."""
    target = project / ".plain-site"
    shutil.rmtree(target, ignore_errors=True)
    config = project / "mkdocs.plain.yml"
    config.write_text(without_briefing_plugin((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    run = run_measured([str(BIN / "mkdocs"), "build", "--quiet", "-f", str(config), "-d", str(target)])
    shutil.rmtree(target, ignore_errors=True)
    return run


def without_briefing_plugin(config_text: str) -> str:
    """mkdocs.yml without the `- briefing:` entry of `plugins` and its indented options."""
    plain = re.sub(r"(?m)^([ \t]*)- briefing:\n(?:\1 +\S.*\n)*", "", config_text)
    if plain == config_text:
        raise SystemExit("bench: no `- briefing:` plugin entry found in mkdocs.yml")
    return plain


def timed_build(project: Path, stages_out: Path, workers: int | None) -> None:
    """`briefing build --project PROJECT`, each pipeline stage wrapped with a timer (child process)."""
    import generator.build as build_module
    import generator.site as site_module
    from generator.cli import cli

    stages: dict[str, float] = {}
    for module, name, label in ((build_module, "extract_sources", "extract"), (build_module, "assemble", "assemble"),
                                (build_module, "render_site_pages", "render"), (build_module, "write_pages", "write"),
                                (build_module, "save_state", "state"), (build_module, "build_site", "site"),
                                (site_module, "_run_mkdocs", "mkdocs"), (build_module, "_post_build", "extras")):
        if hasattr(module, name):
            setattr(module, name, _timer(getattr(module, name), label, stages))
    arguments = ["build", "--project", str(project)] + (["--workers", str(workers)] if workers else [])
    try:
        cli.main(arguments, standalone_mode=False)
    finally:
        stages_out.write_text(json.dumps(stages))


def _timer(function, label: str, stages: dict[str, float]):
    """`function`, adding its wall-clock seconds to stages[label] and its CPU seconds to stages[label + " cpu"]."""
    def timed(*args, **kwargs):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            stages[label] = stages.get(label, 0.0) + time.perf_counter() - started
            stages[f"{label} cpu"] = stages.get(f"{label} cpu", 0.0) + time.process_time() - cpu
    return timed


# --- extraction: ours against spaCy's floor ----------------------------------


@dataclass
class ExtractionFigures:
    sources: int
    tokens: int
    floor: float
    floor_cpu: float
    serial: float
    serial_cpu: float
    parallel: float
    parallel_cpu: float
    workers: int
    identical: bool


def extraction_figures(count: int, workers: int) -> ExtractionFigures:
    """Run `measure_extraction` in a process of its own (its heap must not weigh on the builds)."""
    out = WORKDIR / "extraction.json"
    out.unlink(missing_ok=True)
    run_measured([sys.executable, __file__, "--extraction-figures", str(count), "--workers", str(workers),
                  "--out", str(out)])
    return ExtractionFigures(**json.loads(out.read_text()))


def measure_extraction(count: int, workers: int) -> ExtractionFigures:
    """Floor (nlp.pipe), our extraction on 1 process and on `workers`, same corpus, empty cache each time.

    Both single-process runs happen in this process with the model already loaded; their CPU
    time (time.process_time) is kept beside the wall clock, as it does not depend on what else
    the machine runs.
    """
    from generator.build import list_sources
    from generator.config import load_project
    from generator.extract import analysed_text, load_pipeline
    from generator.extract.batch import extract_sources, ingest_options
    from generator.ingest import read_bytes, read_source

    folder = bench_corpus.make_project(WORKDIR / f"extract-{count}", bench_corpus.corpus_sources(count))
    project = load_project(folder)
    paths = list_sources(project)
    options = ingest_options(project)
    texts = [analysed_text(read_source(path, read_bytes(path, options), options)) for path in paths]
    nlp = load_pipeline(project.settings.model)
    nlp("Warm up the pipeline.")

    wall, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    floor, floor_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    one = _extraction(extract_sources, paths, project, 1)
    serial, serial_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), _cpu_with_children()
    many = _extraction(extract_sources, paths, project, workers)
    parallel, parallel_cpu = time.perf_counter() - wall, _cpu_with_children() - cpu
    return ExtractionFigures(sources=len(paths), tokens=tokens, floor=floor, floor_cpu=floor_cpu, serial=serial,
                             serial_cpu=serial_cpu, parallel=parallel, parallel_cpu=parallel_cpu, workers=workers,
                             identical=_same_outcomes(one, many))


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that have ended (the pool's workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _extraction(extract_sources, paths, project, workers: int):
    shutil.rmtree(project.cache_dir, ignore_errors=True)
    outcomes = extract_sources(paths, project, workers=workers)
    failed = [o for o in outcomes if o.status != "extracted"]
    if failed:
        raise SystemExit(f"bench: {len(failed)} sources not extracted, e.g. {failed[0].path}: {failed[0].error}")
    return outcomes


def _same_outcomes(first, second) -> bool:
    from generator.model import to_dict

    return [(o.path, o.status, to_dict(o.extraction)) for o in first] == \
           [(o.path, o.status, to_dict(o.extraction)) for o in second]


# --- builds: cold, MkDocs alone, incremental ---------------------------------


@dataclass
class BuildFigures:
    sources: int
    pages: int
    cold: Run
    mkdocs: Run
    incremental: Run
    warm_extraction: Run
    """The build again from scratch but for the extraction cache: site, page cache and state removed."""


def measure_builds(count: int) -> BuildFigures:
    folder = bench_corpus.make_project(WORKDIR / f"build-{count}", bench_corpus.corpus_sources(count))
    cold = briefing_build(folder, None)
    _expect(cold, extracted=count, cached=0)
    pages = count_pages(folder / "content")
    mkdocs = plain_mkdocs(folder)
    for generated in (folder / "site", folder / ".cache" / "briefing" / "pages"):
        shutil.rmtree(generated, ignore_errors=True)
    warm_extraction = briefing_build(folder, None)
    _expect(warm_extraction, extracted=0, cached=count)
    bench_corpus.add_sources(folder, bench_corpus.extra_source(count))
    incremental = briefing_build(folder, None)
    _expect(incremental, extracted=1, cached=count)
    return BuildFigures(sources=count, pages=pages, cold=cold, mkdocs=mkdocs, incremental=incremental,
                        warm_extraction=warm_extraction)


def _expect(run: Run, *, extracted: int, cached: int) -> None:
    """The build's summary line must show what the figure assumes (a changed extractor empties the cache)."""
    found = re.search(r"(\d+) extracted, (\d+) cached, (\d+) failed", run.output)
    if not found or tuple(map(int, found.groups())) != (extracted, cached, 0):
        raise SystemExit(f"bench: expected {extracted} extracted, {cached} cached, 0 failed; the build said:\n"
                         f"{run.output[-2000:]}")


def count_pages(docs: Path) -> int:
    """Markdown pages MkDocs turns into HTML (sources and the generator's state are excluded)."""
    return sum(1 for path in docs.rglob("*.md") if path.relative_to(docs).parts[0] not in ("sources", ".briefing"))


# --- report --------------------------------------------------------------------


def verdict(key: str, value: float) -> str:
    sign, limit = TARGETS[key]
    ok = value <= limit if sign == "<=" else value >= limit
    return f"target {sign} {limit:g}: {'PASS' if ok else 'FAIL'}"


def line(label: str, detail: str, target: str = "") -> None:
    print(f"{label:<14}{detail}" + (f"  [{target}]" if target else ""), flush=True)


def stage_text(run: Run) -> str:
    order = ("extract", "assemble", "render", "write", "state", "site", "mkdocs", "extras")
    return ", ".join(f"{name} {run.stages[name]:.1f}" for name in order if name in run.stages) + " s"


def report_extraction(figures: ExtractionFigures) -> dict[str, float]:
    ratio = figures.serial_cpu / figures.floor_cpu
    speedup = figures.serial / figures.parallel
    line("1 extraction", f"{figures.sources} sources, {figures.tokens} tokens, 1 process: ours "
         f"{figures.serial_cpu:.1f} s CPU ({1000 * figures.serial_cpu / figures.sources:.0f} ms/source) vs spaCy "
         f"nlp.pipe {figures.floor_cpu:.1f} s CPU = {ratio:.2f}x (wall {figures.serial:.1f} s vs "
         f"{figures.floor:.1f} s = {figures.serial / figures.floor:.2f}x)", verdict("extract_vs_spacy", ratio))
    line("2 parallel", f"{figures.workers} processes {figures.parallel:.1f} s vs 1 process {figures.serial:.1f} s "
         f"(wall) = {speedup:.2f}x; CPU {figures.parallel_cpu:.1f} s vs {figures.serial_cpu:.1f} s; "
         f"output identical to 1 process: {'yes' if figures.identical else 'NO'}",
         verdict("parallel_speedup", speedup) + ("" if figures.identical else "; FAIL: outputs differ"))
    return {"extract_vs_spacy": ratio, "parallel_speedup": speedup}


def report_builds(small: BuildFigures, large: BuildFigures, extraction: ExtractionFigures) -> dict[str, float]:
    for figures in (small, large):
        cold, inc = figures.cold, figures.incremental
        line(f"  N={figures.sources}", f"cold build {cold.seconds:.1f} s wall, {cold.cpu:.1f} s CPU "
             f"[{stage_text(cold)}]; {figures.pages} pages; mkdocs build alone {figures.mkdocs.seconds:.1f} s wall, "
             f"{figures.mkdocs.cpu:.1f} s CPU")
        line(f"  N={figures.sources}+1",
             f"incremental {inc.seconds:.1f} s wall, {inc.cpu:.1f} s CPU [{stage_text(inc)}]")
    ratio = large.cold.seconds / large.mkdocs.seconds
    floor = (extraction.floor_cpu * large.sources / extraction.sources / extraction.workers
             + large.mkdocs.seconds) / large.mkdocs.seconds
    line("3 cold build", f"N={large.sources}: briefing build {large.cold.seconds:.1f} s vs mkdocs build "
         f"{large.mkdocs.seconds:.1f} s = {ratio:.2f}x (CPU {large.cold.cpu / large.mkdocs.cpu:.2f}x; spaCy alone on "
         f"{extraction.workers} processes + MkDocs would be {floor:.2f}x)", verdict("build_vs_mkdocs", ratio))
    warm = large.warm_extraction
    line("", f"the same build with the extraction cached (site, page cache and state removed): {warm.seconds:.1f} s "
         f"= {warm.seconds / large.mkdocs.seconds:.2f}x MkDocs alone [{stage_text(warm)}]")
    small_ratio = small.incremental.seconds / small.cold.seconds
    large_ratio = large.incremental.seconds / large.cold.seconds
    falls = large_ratio < small_ratio
    line("4 incremental", f"+1 source vs cold: N={small.sources} {small_ratio:.3f}, N={large.sources} "
         f"{large_ratio:.3f} ({'falls' if falls else 'does not fall'} as N grows; CPU "
         f"{small.incremental.cpu / small.cold.cpu:.3f}, {large.incremental.cpu / large.cold.cpu:.3f})",
         verdict("incremental_vs_cold_500", large_ratio) + ("" if falls else "; FAIL: does not fall as N grows"))
    results = {"build_vs_mkdocs": ratio, "incremental_vs_cold_100": small_ratio, "incremental_vs_cold_500": large_ratio}
    return results | report_memory(small, large) | report_site(small, large)


def report_memory(small: BuildFigures, large: BuildFigures) -> dict[str, float]:
    growth = (large.cold.tree_rss_mb - small.cold.tree_rss_mb) / (large.sources - small.sources) * 100
    line("5 peak RSS", f"cold build, build process + workers, RSS summed (sampled): N={small.sources} "
         f"{small.cold.tree_rss_mb:.0f} MB, N={large.sources} {large.cold.tree_rss_mb:.0f} MB "
         f"({growth:+.1f} MB per 100 sources); PSS summed {small.cold.tree_pss_mb:.0f} MB, "
         f"{large.cold.tree_pss_mb:.0f} MB; largest process (ru_maxrss) {small.cold.max_rss_mb:.0f} MB, "
         f"{large.cold.max_rss_mb:.0f} MB", verdict("peak_rss_mb_500", large.cold.tree_rss_mb))
    return {"peak_rss_mb_100": small.cold.tree_rss_mb, "peak_rss_mb_500": large.cold.tree_rss_mb}


def report_site(small: BuildFigures, large: BuildFigures) -> dict[str, float]:
    def per_page(figures: BuildFigures, key: str = "site") -> float:
        return 1000 * figures.cold.stages.get(key, float("nan")) / figures.pages

    line("6 site step", f"MkDocs + feeds + cards + swap, cold build: N={large.sources} {per_page(large):.1f} ms/page "
         f"({large.pages} pages), N={small.sources} {per_page(small):.1f} ms/page ({small.pages} pages); CPU "
         f"{per_page(large, 'site cpu'):.1f}, {per_page(small, 'site cpu'):.1f} ms/page; mkdocs build alone, "
         f"start-up included: {1000 * large.mkdocs.seconds / large.pages:.1f} ms/page; incremental build (page "
         f"cache warm): {1000 * large.incremental.stages.get('site', float('nan')) / large.pages:.1f} ms/page")
    return {"ms_per_page": per_page(large)}


def contention(extraction: ExtractionFigures, *builds: BuildFigures) -> list[str]:
    """Signs that other work shared the CPUs: then wall-clock figures are slow and noisy, CPU times are not."""
    warnings = []
    single = [("1-process extraction", extraction.serial, extraction.serial_cpu)]
    single += [(f"mkdocs build at N={b.sources}", b.mkdocs.seconds, b.mkdocs.cpu) for b in builds]
    for name, wall, cpu in single:
        if wall > 1.15 * cpu:
            warnings.append(f"the {name} took {wall:.1f} s for {cpu:.1f} s of CPU: the machine was busy")
    used = extraction.parallel_cpu / extraction.parallel
    if used < 0.85 * extraction.workers:
        warnings.append(f"the {extraction.workers}-process extraction kept {used:.2f} CPUs busy on average "
                        f"(CPU {extraction.parallel_cpu:.1f} s over {extraction.parallel:.1f} s): other work shared "
                        "the CPUs, or the run was too short to pay for starting the processes")
    return warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500", help="Corpus sizes of the builds: small,large.")
    parser.add_argument("--extract-n", type=int, default=500, help="Sources for figures 1 and 2.")
    parser.add_argument("--workers", type=int, default=2, help="Processes for figure 2.")
    parser.add_argument("--timed-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stages-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build-workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--extraction-figures", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.timed_build:
        timed_build(args.timed_build, args.stages_out, args.build_workers)
        return 0
    if args.extraction_figures:
        figures = measure_extraction(args.extraction_figures, args.workers)
        args.out.write_text(json.dumps(dataclasses.asdict(figures)))
        return 0
    small, large = (int(size) for size in args.sizes.split(","))
    started = time.perf_counter()
    WORKDIR.mkdir(exist_ok=True)
    print(f"bench: {len(os.sched_getaffinity(0))} CPUs, load average {os.getloadavg()[0]:.1f}; corpus of Markdown sources made "
          f"from {len(bench_corpus.base_articles())} real articles, {bench_corpus.SOURCES_PER_BRIEFING} per briefing; "
          f"work folder {WORKDIR.relative_to(ROOT)}/", flush=True)
    extraction = extraction_figures(args.extract_n, args.workers)
    results = report_extraction(extraction)
    small_figures, large_figures = measure_builds(small), measure_builds(large)
    results |= report_builds(small_figures, large_figures, extraction)
    RESULT_FILE.write_text(json.dumps({key: round(value, 4) for key, value in results.items()}, indent=1) + "\n")
    print(f"bench: {time.perf_counter() - started:.0f} s in all, load average {os.getloadavg()[0]:.1f} at the end; "
          f"wrote {RESULT_FILE.relative_to(ROOT)}", flush=True)
    for warning in contention(extraction, small_figures, large_figures):
        print(f"bench: warning: {warning}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
