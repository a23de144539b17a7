"""Benchmark of the eligibility engine (issue 3; DESIGN.md §6: benchmarks print, they do not assert).

Builds 5,000 synthetic nominees with ten years of history each (ratings, LĐTT/CSTĐCS titles, a BK tỉnh,
initiatives, a council vote, a posting), times ``tdkt.rules.check_many`` and prints µs per nominee, plus
the ratio to a reference measured in the same run: ``json.loads`` of the same cases (the cost of just
reading the input), so the figure travels between machines.

Run: .venv/bin/python benchmarks/eligibility.py [--n 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

# Not this folder: a sibling script named like a standard module would shadow it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdkt.rules import check_many  # noqa: E402

BUDGET_US = 30.0
AWARDS = ("LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH", "BK_TTG", "HCLD3", "TTLDTT", "TTLDXS", "CSTDTQ", "NGUT")


def synthetic_case(i: int, rng: random.Random) -> dict:
    award = AWARDS[i % len(AWARDS)]
    year = rng.choice((2022, 2023, 2024, 2025))
    decision = f"{year + 1}-0{rng.randint(1, 9)}-15"
    years = range(year - 9, year + 1)
    collective = award in ("TTLDTT", "TTLDXS")
    ratings = {str(y): rng.choice(("excellent", "good", "good", "excellent", "completed")) for y in years}
    history = [{"award": "TTLDXS" if collective else "LDTT", "from_year": y, "to_year": y,
                "decided_on": f"{y + 1}-01-20", "kind": "annual"} for y in years]
    if not collective:
        history += [{"award": "CSTDCS", "from_year": y, "to_year": y, "decided_on": f"{y + 1}-01-20",
                     "kind": "annual"} for y in years if rng.random() < 0.6]
        history.append({"award": "BK_TINH", "from_year": year - 9, "to_year": year - 8,
                        "decided_on": f"{year - 7}-03-01", "kind": "annual"})
        history.append({"award": "BK_TTG", "from_year": year - 9, "to_year": year - 5,
                        "decided_on": f"{year - 4}-05-01", "kind": "annual"})
        history.append({"award": "CSTD_TINH", "from_year": year - 5, "to_year": year - 3,
                        "decided_on": f"{year - 2}-02-01", "kind": "annual"})
    case = {
        "decision_date": decision, "award": award,
        "achievement": {"kind": "annual", "year": year, "from_year": year if award in ("LDTT", "CSTDCS", "TTLDTT",
                                                                                      "TTLDXS") else year - 2,
                        "to_year": year},
        "decider": {"LDTT": "thu_truong_don_vi", "CSTDCS": "thu_truong_don_vi", "TTLDTT": "thu_truong_don_vi",
                    "BK_TTG": "thu_tuong", "CSTDTQ": "thu_tuong", "HCLD3": "chu_tich_nuoc",
                    "NGUT": "chu_tich_nuoc"}.get(award, "chu_tich_ubnd_tinh"),
        "subject": {"kind": "collective" if collective else "person", "gender": rng.choice(("male", "female")),
                    "recruited_on": "2005-09-01", "ratings": ratings, "under_discipline_review": False,
                    "direct_teaching_years": 17, "hardship_years": 3,
                    "members": {"total": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 2,
                                "disciplined_canh_cao_or_above": 0} if collective else None},
        "history": history,
        "initiatives": [{"year": year - k, "scope": rng.choice(("unit", "province", "national"))} for k in range(3)],
        "council": {"members": 25, "present": 24, "yes": rng.randint(18, 25), "written_yes": 0},
        "posting": {"from": f"{year + 1}-01-02", "council_on": f"{year + 1}-01-20"},
        "received_on": f"{year + 1}-06-01",
        "registered": True,
    }
    if case["subject"]["members"] is None:
        del case["subject"]["members"]
    return case


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(20250701)
    cases = [synthetic_case(i, rng) for i in range(args.n)]
    blobs = [json.dumps(c) for c in cases]
    history = sum(len(c["history"]) for c in cases) / len(cases)

    check_many(cases[:200])  # warm the rule-plan cache, as a running server would have
    engine = best_of(lambda: check_many(cases), args.repeat)
    reference = best_of(lambda: [json.loads(b) for b in blobs], args.repeat)
    results = check_many(cases)
    per = engine / args.n * 1e6
    ref_per = reference / args.n * 1e6
    verdicts: dict[str, int] = {}
    for r in results:
        verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
    print(f"nominees: {args.n}, history entries per nominee: {history:.1f}, ratings: 10 years")
    print(f"check_many: {engine * 1000:.1f} ms total, {per:.1f} µs per nominee (best of {args.repeat})")
    print(f"reference json.loads of the same cases: {ref_per:.1f} µs per nominee")
    print(f"ratio engine / reference: {per / ref_per:.2f}x")
    # How fast is this machine? A fixed pure-Python loop, to scale the absolute figure to other hardware.
    calib = best_of(lambda: sum(range(100_000)), args.repeat) * 1e3
    print(f"machine calibration: sum(range(100_000)) = {calib:.2f} ms")
    print(f"verdicts: {verdicts}")
    print(f"budget {BUDGET_US:.0f} µs per nominee: {'MET' if per <= BUDGET_US else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
