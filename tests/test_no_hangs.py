"""No hangs: a claim whose proof explodes ends within --timeout, and a long document finishes.

The exploding claim is true (Σ_k σ(k u) + σ(−k u) = K, since σ(x) + σ(−x) = 1), so the numeric
screen passes and the symbolic stage must run: with σ as opaque atoms nothing cancels, and with
σ written as exponentials the common denominator has 2K factors, which `simplify` cannot finish.
"""

import json
import subprocess
import sys
import textwrap
import time

import sympy as sp

from symgrad import Derivation, check, parameter, sigma
from symgrad.documents import read_document
from symgrad.results import Verdict

TERMS = 24
TIMEOUT = 1.5
u, w = parameter("u"), parameter("w")
EXPLODING = sp.Add(*[sigma(k * u) + sigma(-k * u) for k in range(1, TERMS + 1)])


def test_a_claim_that_makes_simplify_explode_ends_within_the_time_limit():
    derivation = Derivation("explodes")
    derivation.claim("1", EXPLODING, sp.Integer(TERMS))
    started = time.monotonic()
    (finding,) = check(derivation, timeout=TIMEOUT).findings
    assert time.monotonic() - started < TIMEOUT + 2
    # Not proven in time and never refuted.  The engine keeps the numeric evidence it already
    # has (numerically-equal); without any, it says inconclusive.
    assert finding.verdict in ("numerically-equal", "inconclusive")
    assert finding.counterexample is None
    if finding.verdict == "numerically-equal":
        assert "trials" in finding.evidence and "interval arithmetic" in finding.evidence


def test_the_cli_honours_its_timeout(tmp_path):
    document = tmp_path / "explodes.py"
    document.write_text(textwrap.dedent(f"""
        import sympy as sp
        from symgrad import Derivation, parameter, sigma
        u = parameter("u")
        notes = Derivation("explodes")
        notes.claim("1", sp.Add(*[sigma(k * u) + sigma(-k * u) for k in range(1, {TERMS} + 1)]), sp.Integer({TERMS}))
    """))
    command = [sys.executable, "-m", "symgrad", "check", str(document), "--format", "json", "--timeout", str(TIMEOUT)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    (result,) = json.loads(run.stdout)["documents"][0]["results"]
    assert result["verdict"] in ("numerically-equal", "inconclusive")
    assert result["seconds"] < TIMEOUT + 1
    assert "Traceback" not in run.stderr


def test_a_thousand_equations_are_all_reported_in_order():
    derivation = Derivation("long")
    for k in range(1000):
        wrong = 1 if k % 7 == 3 else 0
        derivation.claim(str(k), k * w + k, k * (w + 1) + wrong)
    findings = check(derivation, timeout=2).findings
    assert [f.label for f in findings] == [str(k) for k in range(1000)]
    assert [f.verdict for f in findings] == ["fails" if k % 7 == 3 else "proven" for k in range(1000)]


def test_a_false_gradient_of_a_deep_chain_fails_within_its_time(tmp_path):
    """30 sigmoid layers: the gradient is about 1e-20, the claim is off by the factor x, and the
    slow parts (the proof, the diagnosis) must not hide the counterexample."""
    layers = "\n\n".join(rf"$$a^{{({k})}} = \sigma(w^{{({k})}} a^{{({k - 1})}} + b^{{({k})}}) \quad ({k})$$" for k in range(1, 31))
    chain = " ".join(rf"w^{{({k})}} a^{{({k})}}(1 - a^{{({k})}})" for k in range(2, 31))
    text = (f"# Deep\n\n$$a^{{(0)}} = x \\quad (0)$$\n\n{layers}\n\n$$C = \\frac{{1}}{{2}}(a^{{(30)}} - y)^2 \\quad (c)$$\n\n"
            f"$$\\frac{{\\partial C}}{{\\partial w^{{(1)}}}} = (a^{{(30)}} - y) {chain} a^{{(1)}}(1 - a^{{(1)}}) \\quad (h)$$\n")
    path = tmp_path / "deep.md"
    path.write_text(text)
    started = time.monotonic()
    findings = {f.label: f for f in check(read_document(path)[0]).findings}
    assert findings["h"].verdict == Verdict.FAILS
    assert time.monotonic() - started < 30
