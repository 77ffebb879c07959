"""Time growth per doubling over the adversarial classes of tests/core/test_growth.py.

Run: PYTHONPATH=. .venv/bin/python benchmarks/growth.py
Prints each class's ratios for the whole check and the worst stage, then the worst
geometric mean per doubling and the worst single doubling over all stages.
"""

from __future__ import annotations

from tests.core import test_growth as g


def main() -> None:
    worst_mean = (0.0, "", "")
    worst_single = (0.0, "", "")
    for name, unit in g.CLASSES.items():
        sizes, stages = g._growth(unit)
        for stage, ratios in stages.items():
            worst_mean = max(worst_mean, (g._per_doubling(ratios), name, stage))
            worst_single = max(worst_single, (max(ratios), name, stage))
        check = " ".join(f"{x:.2f}" for x in stages["check"])
        stage_worst = max(g._per_doubling(r) for r in stages.values())
        print(
            f"{name:26s} {sizes[0]:>7,}-{sizes[-1]:>9,}  check {check}"
            f"  worst stage {stage_worst:.2f}",
            flush=True,
        )
    print("worst per doubling (geometric mean of 3): {:.2f} ({}, {})".format(*worst_mean))
    print("worst single doubling: {:.2f} ({}, {})".format(*worst_single))


if __name__ == "__main__":
    main()
