# ruff: noqa
"""Independent plain-SymPy oracle for the documents in docs/.

Every numbered equation is either a definition or a claim; a claim's truth is computed
here from the careful reading of the document (written out below for each document),
never from symgrad's output.  Claims are decided by simplifying the difference and by
evaluating it at random rational points (50 digits); sums are expanded for concrete
n = 1 ... 5 (every free index j tried in range).  Approximations are decided by limits.

Run:  python oracle.py   -> writes truth.json (and keys.json: label -> LaTeX key used to
match symgrad's result and to quote the line in the report).
"""
import json
import random

import sympy as sp

random.seed(12345)

R = dict(real=True)
x, y, w, b, z, h, d, lam, eps = sp.symbols("x y w b z h delta lambda epsilon", **R)


def sig(t):
    return 1 / (1 + sp.exp(-t))


def rnd(pos=False):
    if pos:
        return sp.Rational(random.randint(1, 9), random.randint(2, 11))
    return sp.Rational(random.randint(-12, 12), random.randint(1, 5))


def same(lhs, rhs, variables, trials=15, domain=None):
    """lhs == rhs for all values of `variables` (domain: dict var -> 'pos' / 'unit').

    Decided at `trials` random rational points, each evaluated to 50 digits (a difference
    above 1e-30 at any point refutes; equality at every point is taken as identity); an
    expansion that is identically 0 is accepted directly."""
    diff = sp.expand(lhs - rhs)
    if diff == 0:
        return True
    domain = domain or {}
    seen = 0
    for _ in range(4 * trials):
        pt = {}
        for v in variables:
            kind = domain.get(v)
            if kind == "unit":
                pt[v] = sp.Rational(random.randint(1, 19), 20)
            elif kind == "pos":
                pt[v] = rnd(pos=True)
            else:
                pt[v] = rnd()
        val = sp.N(diff.subs(pt), 50)
        if val.has(sp.zoo, sp.nan, sp.oo, sp.I):
            continue
        if abs(float(val)) > 1e-30:
            return False
        seen += 1
        if seen >= trials:
            break
    return True


def limit_zero(expr, step):
    """expr -> 0 as step -> 0, at random points of the other symbols.

    Evaluated with 120-digit arithmetic at step = 1e-20 and 1e-40 (both signs): the limit is
    taken to be 0 when both values are tiny and shrink with the step, and nonzero when they
    agree on a value away from 0."""
    syms = sorted(expr.free_symbols - {step}, key=str)
    for _ in range(4):
        pt = {s: rnd() for s in syms}
        e = expr.subs(pt)
        for sign in (1, -1):
            v1 = abs(sp.N(e.subs(step, sign * sp.Rational(1, 10**20)), 120))
            v2 = abs(sp.N(e.subs(step, sign * sp.Rational(1, 10**40)), 120))
            if v2 > sp.Float("1e-12") or v1 > sp.Float("1e-5"):
                return False
    return True


def fam(name, n):
    return [sp.Symbol(f"{name}{k}", real=True) for k in range(1, n + 1)]


import time
T0 = time.time()
TRUTH = {}
KEYS = {}
NOTES = {}


def put(doc, label, value, key, note=None):
    if doc not in TRUTH:
        print(f"{time.time()-T0:7.1f}s {doc}", flush=True)
    TRUTH.setdefault(doc, {})[label] = (
        "definition" if value == "definition" else ("true" if value else "false"))
    KEYS.setdefault(doc, {})[label] = key
    if note:
        NOTES.setdefault(doc, {})[label] = note


D = "definition"

# ---------------------------------------------------------------- 01 Euler e, prose
# Reading: the prose "Let e := w x + b - y" defines e (the error), not Euler's number.
doc = "docs/01_euler_e_prose.md"
e = w * x + b - y
C = e**2 / 2
dCdw, dCdb = sp.diff(C, w), sp.diff(C, b)
put(doc, "1", D, r"C = \frac{1}{2} e^2")
put(doc, "2", same(dCdw, e * sp.diff(e, w), [w, x, b, y]), r"= e \frac{\partial e}{\partial w}")
put(doc, "3", same(dCdw, e * sp.diff(e, w) / 2, [w, x, b, y]), r"= \frac{1}{2} e \frac{\partial e}{\partial w}")
put(doc, "4", same(dCdb, dCdw, [w, x, b, y]), r"\frac{\partial C}{\partial b} = \frac{\partial C}{\partial w}")

# ---------------------------------------------------------------- 02 Euler e, display
# Reading: (2) e = yhat - y defines the error e; e^2 is its square.
doc = "docs/02_euler_e_display.md"
yhat = w * x + b
e = yhat - y
C = e**2 / 2
put(doc, "1", D, r"\hat{y} = w x + b")
put(doc, "2", D, r"e = \hat{y} - y", "definition of the error e (not Euler's number)")
put(doc, "3", D, r"C = \frac{1}{2} e^2")
put(doc, "4", same(sp.diff(C, w), e * x, [w, x, b, y]), r"= e \, x")
put(doc, "5", same(sp.diff(C, b), e, [w, x, b, y]), r"\frac{\partial C}{\partial b} = e")
put(doc, "6", same(sp.diff(C, w, b), 0, [w, x, b, y]), r"\partial b} = 0")

# ---------------------------------------------------------------- 03 \[ \] in Markdown
doc = "docs/03_md_bracket_display.md"
phi = sig(w * x + b)
C = (phi - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"C = \frac{1}{2}(\phi - y)^2")
put(doc, "2", same(sp.diff(C, w), (phi - y) * sp.diff(phi, w), V), r"\partial w} = (\phi - y) \frac{\partial \phi}{\partial w}")
put(doc, "3", same(sp.diff(C, b), (phi - y) * sp.diff(phi, w), V), r"\partial b} = (\phi - y) \frac{\partial \phi}{\partial w}")
put(doc, "4", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")
put(doc, "5", same(sp.diff(C, b), (phi - y) * phi * (1 - phi), V), r"(\phi - y)\,\phi\,(1 - \phi)")

# ---------------------------------------------------------------- 04 \begin{equation} in Markdown
doc = "docs/04_md_equation_env.md"
a = sig(w * x + b)
A = sp.Symbol("A", real=True)          # a as an independent variable for dC/da
CA = (A - y)**2 / 2
C = (a - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"a = \sigma(w x + b) \tag{1}")
put(doc, "2", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "3", same(sp.diff(CA, A), A - y, [A, y]), r"\frac{\partial C}{\partial a} = a - y")
put(doc, "4", same(sp.diff(C, w), (a - y) * sp.diff(a, b), V), r"\frac{\partial a}{\partial b}")
put(doc, "5", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")
put(doc, "6", same(sp.diff(C, w), (a - y) * a * (1 - a) * x, V), r"(a - y)\, a (1 - a)\, x")

# ---------------------------------------------------------------- 05 ```math fence
doc = "docs/05_md_math_fence.md"
mu = sig(w * x + b)
C = -(y * sp.log(mu) + (1 - y) * sp.log(1 - mu))
V = [w, x, b, y]
put(doc, "1", D, r"C = -\big(y \ln \mu")
put(doc, "2", same(sp.diff(C, b), mu - y, V), r"\frac{\partial C}{\partial b} = \mu - y")
put(doc, "3", same(sp.diff(C, w), (mu - y) / (mu * (1 - mu)) * sp.diff(mu, w), V), r"\frac{\mu - y}{\mu (1 - \mu)}")
put(doc, "4", same(sp.diff(C, b, 2), 0, V), r"\frac{\partial^2 C}{\partial b^2} = 0")
put(doc, "5", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")

# ---------------------------------------------------------------- 06 align in Markdown
doc = "docs/06_md_align_env.md"
zz = w * x + b
nu = sp.tanh(zz)
C = (nu - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"z &= w x + b")
put(doc, "2", D, r"\nu &= \tanh(z)")
put(doc, "3", D, r"C = \frac{1}{2}(\nu - y)^2")
put(doc, "4", same(sp.diff(C, b), (nu - y) * (1 - nu**2), V), r"(\nu - y)(1 - \nu^2)")
put(doc, "5", same(sp.diff(C, w), x * sp.diff(C, b), V), r"= x \, \frac{\partial C}{\partial b}")
put(doc, "6", same(sp.diff(C, w), sp.diff(C, b), V), r"\partial w} = \frac{\partial C}{\partial b}")

# ---------------------------------------------------------------- 07 prose function definition
doc = "docs/07_prose_function_def.md"
phi = sig(w * x)
C = (phi - y)**2 / 2
V = [w, x, y]
put(doc, "1", D, r"C = \frac{1}{2}(\phi - y)^2")
put(doc, "2", same(sp.diff(C, w), (phi - y) * sp.diff(phi, w), V), r"(\phi - y) \frac{d \phi}{d w}")
put(doc, "3", same(sp.diff(C, w), (phi - y) * phi * (1 - phi) * x, V), r"(\phi - y)\,\phi\,(1 - \phi)\, x")
put(doc, "4", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")

# ---------------------------------------------------------------- 08 phi(w) displayed, then bare phi
# Reading: C = (phi - y)^2/2 with phi the phi(w) of (1) (phi(w) = sigma(w x + b)).
doc = "docs/08_function_display_bare.md"
phi = sig(w * x + b)
C = (phi - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"\phi(w) = \sigma(w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(\phi - y)^2")
put(doc, "3", same(sp.diff(C, w), (phi - y) * phi * (1 - phi) * x, V), r"(\phi - y)\,\phi\,(1 - \phi)\, x")
put(doc, "4", same(sp.diff(C, b), (phi - y) * phi * (1 - phi), V), r"\partial b} = (\phi - y)\,\phi\,(1 - \phi)")
put(doc, "5", same(sp.diff(C, w), (phi - y) * x, V), r"= (\phi - y)\, x")

# ---------------------------------------------------------------- 09 \text{with } mu = ...
doc = "docs/09_text_with_def.md"
mu = sig(w * x + b)
C = (mu - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"\text{with } \mu = \sigma(w x + b)")
put(doc, "2", same(sp.diff(C, b), (mu - y) * mu * (1 - mu), V), r"(\mu - y)\,\mu\,(1 - \mu)")
put(doc, "3", same(sp.diff(C, w), x * sp.diff(C, b), V), r"= x \, \frac{\partial C}{\partial b}")
put(doc, "4", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")
put(doc, "5", same(sp.diff(C, b, 2), 0, V), r"\frac{\partial^2 C}{\partial b^2} = 0")

# ---------------------------------------------------------------- 10 \overset{def}{=} and =:
doc = "docs/10_def_symbols.md"
phi = sig(w * x + b)
psi = sp.tanh(w * x + b)
C = (phi - y)**2 / 2
Dc = (psi - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"\phi \overset{\text{def}}{=}")
put(doc, "2", D, r"C = \frac{1}{2}(\phi - y)^2")
put(doc, "3", same(sp.diff(C, b), (phi - y) * phi * (1 - phi), V), r"(\phi - y)\,\phi\,(1 - \phi)")
put(doc, "4", same(sp.diff(C, w), sp.diff(C, b), V), r"\partial w} = \frac{\partial C}{\partial b}")
put(doc, "5", D, r"=: \psi")
put(doc, "6", D, r"D = \frac{1}{2}(\psi - y)^2")
put(doc, "7", same(sp.diff(Dc, x), 0, V), r"\frac{\partial D}{\partial x} = 0")

# ---------------------------------------------------------------- 11 Unicode phi in the definition
doc = "docs/11_unicode_greek.md"
phi = sig(w * x + b)
C = (phi - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, "φ = σ(w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(\phi - y)^2")
put(doc, "3", same(sp.diff(C, b), (phi - y) * phi * (1 - phi), V), r"(\phi - y)\,\phi\,(1 - \phi)")
put(doc, "4", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")
put(doc, "5", same(sp.diff(C, w), sp.diff(C, b), V), r"\partial w} = \frac{\partial C}{\partial b}")


# ---------------------------------------------------------------- 12-16: tanh / ReLU / CE units
sq = lambda a: (a - y)**2 / 2
ce = lambda a: -(y * sp.log(a) + (1 - y) * sp.log(1 - a))

# 12 \iffalse: the unit is tanh (the logistic draft is inside \iffalse ... \fi)
doc = "docs/12_iffalse.tex"
a = sp.tanh(w * x + b); C = sq(a); V = [w, x, b, y]
put(doc, "1", D, r"a = \tanh(w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "3", same(sp.diff(C, b), (a - y) * (1 - a**2), V), r"(a - y)(1 - a^2)")
put(doc, "4", same(sp.diff(C, w), (a - y) * a * (1 - a) * x, V), r"(a - y)\, a (1 - a)\, x")
put(doc, "5", same(sp.diff(a, b), a * (1 - a), V), r"\frac{\partial a}{\partial b} = a (1 - a)")

# 13 verbatim: the unit is ReLU; derivative a.e. (trials avoid the kink)
doc = "docs/13_verbatim.tex"
u = w * x + b
aR = sp.Max(0, u); C = sq(aR)
ind = sp.Piecewise((1, u > 0), (0, True))
ok3 = ok4 = True
for _ in range(30):
    pt = {w: rnd(), x: rnd(), b: rnd(), y: rnd()}
    if u.subs(pt) == 0:
        continue
    dC = sp.diff(C, b).subs(pt)
    ok3 &= sp.simplify(dC - ((aR - y) * ind).subs(pt)) == 0
    ok4 &= sp.simplify(dC - ((aR - y) * aR * (1 - aR)).subs(pt)) == 0
put(doc, "1", D, r"a = \max(0, w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "3", ok3, r"\mathbb{1}[w x + b > 0]", "almost everywhere (the kink w x + b = 0 excluded)")
put(doc, "4", ok4, r"(a - y)\, a (1 - a)")

# 14 lstlisting: cross-entropy of a logistic unit
doc = "docs/14_lstlisting.tex"
a = sig(w * x + b); C = ce(a); V = [w, x, b, y]
put(doc, "1", D, r"a = \sigma(w x + b)")
put(doc, "2", D, r"C = -\left(y \ln a")
put(doc, "3", same(sp.diff(C, b), a - y, V), r"\partial b} = a - y")
put(doc, "4", same(sp.diff(C, b), (a - y) * a * (1 - a), V), r"(a - y)\, a (1 - a)")

# 15 indented code block: tanh unit
doc = "docs/15_md_indented_code.md"
a = sp.tanh(w * x + b); C = sq(a); V = [w, x, b, y]
put(doc, "1", D, r"a = \tanh(w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "3", same(sp.diff(C, b), (a - y) * (1 - a**2), V), r"(a - y)(1 - a^2)")
put(doc, "4", same(sp.diff(C, b), (a - y) * a * (1 - a), V), r"(a - y)\, a (1 - a)")

# 16 <pre>: cross-entropy
doc = "docs/16_md_pre_html.md"
a = sig(w * x + b); C = ce(a); V = [w, x, b, y]
put(doc, "1", D, r"a = \sigma(w x + b)")
put(doc, "2", D, r"C = -\big(y \ln a")
put(doc, "3", same(sp.diff(C, b), a - y, V), r"\partial b} = a - y")
put(doc, "4", same(sp.diff(C, b), (a - y) * a * (1 - a), V), r"(a - y)\, a (1 - a)")

# ---------------------------------------------------------------- 17 setext headings = sections
doc = "docs/17_setext_sections.md"
C1 = (w * x - y)**2 / 2
C2 = (w * x + b - y)**2 / 2
V = [w, x, b, y]
put(doc, "1", D, r"C = \frac{1}{2}(w x - y)^2")
put(doc, "2", same(sp.diff(C1, w), (w * x - y) * x, V), "LINE6")
put(doc, "3", D, r"C = \frac{1}{2}(w x + b - y)^2", "new section 'Model with bias': a new definition of C")
put(doc, "4", same(sp.diff(C2, b), w * x + b - y, V), r"= w x + b - y")
put(doc, "5", same(sp.diff(C2, w), (w * x - y) * x, V), "LINE15")

# ---------------------------------------------------------------- 18 bold numbered headings
doc = "docs/18_bold_sections.md"
a1 = sig(w * x + b); a2 = sp.tanh(w * x + b); V = [w, x, b]
put(doc, "1", D, r"a = \sigma(w x + b)")
put(doc, "2", same(sp.diff(a1, b), a1 * (1 - a1), V), r"\frac{\partial a}{\partial b} = a (1 - a)")
put(doc, "3", D, r"a = \tanh(w x + b)", "new section '2. Tanh unit': a new definition of a")
put(doc, "4", same(sp.diff(a2, b), 1 - a2**2, V), r"= 1 - a^2")
put(doc, "5", same(sp.diff(a2, w), a2 * (1 - a2) * x, V), r"\frac{\partial a}{\partial w} = a (1 - a)\, x")

# ---------------------------------------------------------------- 19 prose redefinition, same section
doc = "docs/19_prose_redef_same_section.md"
a1 = sig(w * x + b); a2 = sp.tanh(w * x + b); C = sq(a2); V = [w, x, b, y]
put(doc, "1", D, r"a = \sigma(w x + b)")
put(doc, "2", same(sp.diff(a1, b), a1 * (1 - a1), V), r"\frac{\partial a}{\partial b} = a (1 - a)")
put(doc, "3", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "4", same(sp.diff(C, b), (a2 - y) * (1 - a2**2), V), r"(a - y)(1 - a^2)", "a = tanh(w x + b) from the prose 'From here on ...'")
put(doc, "5", same(sp.diff(C, b), (a2 - y) * a2 * (1 - a2), V), r"(a - y)\, a (1 - a)")

# ---------------------------------------------------------------- 20 prose redefinition, new section
doc = "docs/20_prose_redef_new_section.md"
C1 = (w * x - y)**2 / 2; C2 = (w * x + b - y)**2 / 2; V = [w, x, b, y]
put(doc, "1", D, r"C = \frac{1}{2}(w x - y)^2")
put(doc, "2", same(sp.diff(C1, w), (w * x - y) * x, V), "LINE7")
put(doc, "3", same(sp.diff(C2, b), w * x + b - y, V), r"= w x + b - y", "C redefined by 'Now let C = ... instead' in section 'With bias'")
put(doc, "4", same(sp.diff(C2, w), (w * x - y) * x, V), "LINE15")

# ---------------------------------------------------------------- 21 implicit (fixed point) definition
# a is defined implicitly by a = sigma(w a + x); parametrise by a in (0,1) and w: x = logit(a) - w a.
doc = "docs/21_selfref_def.md"
A, W, X, Y = sp.symbols("A W X Y", real=True)
F = A - sig(W * A + X)                          # F(a, w, x) = 0
dadw = -sp.diff(F, W) / sp.diff(F, A)
dadx = -sp.diff(F, X) / sp.diff(F, A)
on_curve = {X: sp.log(A / (1 - A)) - W * A}
claim2 = A**2 * (1 - A) / (1 - W * A * (1 - A))
dom = {A: "unit"}
put(doc, "1", D, r"a = \sigma(w a + x)", "implicit definition (fixed point); derivatives by implicit differentiation")
put(doc, "2", same(dadw.subs(on_curve), claim2, [A, W], domain=dom), r"\frac{a^2 (1 - a)}{1 - w\, a (1 - a)}")
put(doc, "3", D, r"C = \frac{1}{2}(a - y)^2")
put(doc, "4", same(((A - Y) * dadw).subs(on_curve), 0, [A, W, Y], domain=dom), r"\frac{\partial C}{\partial w} = 0")
put(doc, "5", same(((A - Y) * dadx).subs(on_curve), 0, [A, W, Y], domain=dom), r"\frac{\partial C}{\partial x} = 0")

# ---------------------------------------------------------------- 22 approximations with h a hidden unit
# h is the hidden unit's value (not a step); delta is the step.
doc = "docs/22_approx_hidden_h.md"
hh = sig(w * x + b)
Cf = lambda ww: (sig(ww * x + b) - y)**2 / 2
g_true = sp.diff(Cf(w), w)
put(doc, "1", D, r"h = \sigma(w x + b)")
put(doc, "2", D, r"C(w) = \frac{1}{2}(h - y)^2")
put(doc, "3", same(g_true, (hh - y) * hh * (1 - hh) * x, [w, x, b, y]), "LINE9")
# C(w+d) ~ C(w) + g d  (first order): true iff (C(w+d) - C(w) - g d)/d -> 0
put(doc, "4", limit_zero((Cf(w + d) - Cf(w) - (hh - y) * hh * (1 - hh) * x * d) / d, d), r"(1 - h) \cdot x \cdot \delta")
put(doc, "5", limit_zero((Cf(w + d) - Cf(w) - (hh - y) * x * d) / d, d), r"C(w) + (h - y) \cdot x \cdot \delta")
put(doc, "6", limit_zero((Cf(w + d) - Cf(w)) / d - (hh - y) * x, d), r"\frac{C(w + \delta) - C(w)}{\delta}")

# ---------------------------------------------------------------- 23 noise model
# Reading: (1) states the model; it defines the residual eps_i = y_i - w x_i (y_i data).
doc = "docs/23_noise_model.md"
ok3 = ok4 = True
for n in range(1, 6):
    X_, Y_ = fam("x", n), fam("y", n)
    E_ = [Y_[k] - w * X_[k] for k in range(n)]
    C = sum(e_**2 for e_ in E_) / n
    ok3 &= same(sp.diff(C, w), 0, [w] + X_ + Y_)
    ok4 &= same(sp.diff(C, w), -sp.Rational(2, n) * sum(E_[k] * X_[k] for k in range(n)), [w] + X_ + Y_)
put(doc, "1", D, r"y_i = w x_i + \epsilon_i", "model statement: defines the noise (residual) eps_i = y_i - w x_i")
put(doc, "2", D, r"\epsilon_i^2")
put(doc, "3", ok3, r"\frac{\partial C}{\partial w} = 0")
put(doc, "4", ok4, r"\epsilon_i x_i")

# ---------------------------------------------------------------- 24 eqnarray / multline in LaTeX
doc = "docs/24_tex_eqnarray_multline.tex"
mu = sig(w * x + b); C = (mu - y)**2 / 2; V = [w, x, b, y]
put(doc, "1", D, r"\mu & = & \sigma(w x + b)")
put(doc, "2", D, r"C = \frac{1}{2}(\mu - y)^2")
put(doc, "3", same(sp.diff(C, b), (mu - y) * mu * (1 - mu), V), r"\frac{\partial C}{\partial b} = (\mu - y) \\")
put(doc, "4", same(sp.diff(C, w), sp.diff(C, b), V), r"\partial w} = \frac{\partial C}{\partial b}")
put(doc, "5", same(sp.diff(C, x), 0, V), r"\frac{\partial C}{\partial x} = 0")

# ---------------------------------------------------------------- 25 C(0,0) through a_i
doc = "docs/25_eval_initial_weights.md"
res = {3: True, 4: True, 5: True, 6: True}
for n in range(1, 6):
    X_, Y_ = fam("x", n), fam("y", n)
    aw = lambda ww, bb: [sig(ww * X_[k] + bb) for k in range(n)]
    Cf2 = lambda ww, bb: sum((aw(ww, bb)[k] - Y_[k])**2 for k in range(n)) / n
    ai = aw(w, b)
    V = [w, b] + X_ + Y_
    res[3] &= same(Cf2(0, 0), sum((sp.Rational(1, 2) - Y_[k])**2 for k in range(n)) / n, V)
    res[4] &= same(Cf2(0, 0), sum((ai[k] - Y_[k])**2 for k in range(n)) / n, V)
    res[5] &= same(Cf2(0, b), sum((sig(b) - Y_[k])**2 for k in range(n)) / n, V)
    res[6] &= same(Cf2(w, b) - Cf2(0, b), 0, V)
put(doc, "1", D, r"a_i = \sigma(w x_i + b)")
put(doc, "2", D, r"C(w, b) = \frac{1}{n}")
put(doc, "3", res[3], r"\left(\frac{1}{2} - y_i\right)^2")
put(doc, "4", res[4], r"C(0, 0) = \frac{1}{n}\sum_{i=1}^{n}(a_i - y_i)^2")
put(doc, "5", res[5], r"(\sigma(b) - y_i)^2")
put(doc, "6", res[6], r"C(w, b) - C(0, b) = 0")

# ---------------------------------------------------------------- 26 gradient check through a_i
doc = "docs/26_gradient_check.md"
res = {3: True, 4: True, 5: True, 6: True}
for n in range(1, 4):
    X_, Y_ = fam("x", n), fam("y", n)
    Cf2 = lambda ww, bb: sum((sig(ww * X_[k] + bb) - Y_[k])**2 for k in range(n)) / (2 * n)
    ai = [sig(w * X_[k] + b) for k in range(n)]
    V = [w, b] + X_ + Y_
    grad = sp.diff(Cf2(w, b), w)
    claim = sum((ai[k] - Y_[k]) * ai[k] * (1 - ai[k]) * X_[k] for k in range(n)) / n
    res[3] &= same(grad, claim, V)
    res[4] &= limit_zero((Cf2(w + h, b) - Cf2(w, b) - h * grad) / h, h)
    res[5] &= same(sp.diff(Cf2(2 * w, b), w), claim, V)
    res[6] &= same(Cf2(-w, b), sum((ai[k] - Y_[k])**2 for k in range(n)) / (2 * n), V)
put(doc, "1", D, r"a_i = \sigma(w x_i + b)")
put(doc, "2", D, r"C(w, b) = \frac{1}{2n}")
put(doc, "3", res[3], r"\frac{\partial C}{\partial w} = \frac{1}{n}")
put(doc, "4", res[4], r"C(w + h, b) \approx")
put(doc, "5", res[5], r"\frac{d}{dw} C(2 w, b)")
put(doc, "6", res[6], r"C(-w, b)")

# ---------------------------------------------------------------- 27 f(1 - f): products, not calls
doc = "docs/27_fgh_products.md"
f_ = sig(w * x); g_ = sig(w * x + b); C = (g_ - y)**2 / 2; V = [w, x, b, y]
put(doc, "1", D, r"f = \sigma(w x)")
put(doc, "2", D, r"g = \sigma(w x + b)")
put(doc, "3", same(sp.diff(f_, w), f_ * (1 - f_) * x, V), r"f(1 - f)\, x")
put(doc, "4", same(sp.diff(g_, b), g_ * (1 - g_), V), "LINE9")
put(doc, "5", same(sp.diff(g_, b), g_ * (1 + g_), V), r"g(1 + g)")
put(doc, "6", D, r"C = \frac{1}{2}(g - y)^2")
put(doc, "7", same(sp.diff(C, b), (g_ - y) * g_ * (1 - g_), V), r"(g - y)\, g(1 - g)")

# ---------------------------------------------------------------- 28 sums (control)
doc = "docs/28_control_sums.md"
res = {k: True for k in range(3, 9)}
for n in range(1, 6):
    X_, Y_ = fam("x", n), fam("y", n)
    xbar = sum(X_) / n
    Vv = sum((X_[k] - xbar)**2 for k in range(n)) / n
    for j in range(n):
        res[3] &= same(sp.diff(Vv, X_[j]), sp.Rational(2, n) * (X_[j] - xbar), X_)
        res[4] &= same(sp.diff(Vv, X_[j]), sp.Rational(2, n) * (X_[j] - xbar) * (1 - sp.Rational(1, n)), X_)
    res[5] &= same(sum(X_) * sum(Y_), sum(X_[k] * Y_[k] for k in range(n)), X_ + Y_)
    res[6] &= same(sp.diff(sum(w * X_[k] - Y_[k] for k in range(n))**2, w),
                   2 * sum((w * X_[k] - Y_[k]) * X_[k] for k in range(n)), [w] + X_ + Y_)
    lhs7 = sum(sum(X_[j] for j in range(i + 1)) for i in range(n))
    res[7] &= same(lhs7, sum((n - (j + 1) + 1) * X_[j] for j in range(n)), X_)
    res[8] &= same(sum(X_[:n - 1]), sum(X_) - X_[n - 1], X_)
put(doc, "1", D, r"\bar{x} = \frac{1}{n}")
put(doc, "2", D, r"V = \frac{1}{n}")
put(doc, "3", res[3], "LINE7")
put(doc, "4", res[4], r"\left(1 - \frac{1}{n}\right)")
put(doc, "5", res[5], r"\Big(\sum_{i=1}^n x_i\Big)\Big(\sum_{i=1}^n y_i\Big)")
put(doc, "6", res[6], r"\frac{d}{dw} \Big(\sum_{i=1}^n")
put(doc, "7", res[7], r"\sum_{i=1}^{n} \sum_{j=1}^{i} x_j")
put(doc, "8", res[8], r"\sum_{i=1}^{n-1} x_i")

# ---------------------------------------------------------------- 29 softmax (control)
# Reading: y_k arbitrary (the document does not say the targets are one-hot).
doc = "docs/29_control_softmax.md"
res = {3: True, 4: True, 5: True, 6: True}
for K in range(1, 5):
    Z, Yk = fam("z", K), fam("y", K)
    den = sum(sp.exp(t) for t in Z)
    P = [sp.exp(t) / den for t in Z]
    L = -sum(Yk[k] * sp.log(P[k]) for k in range(K))
    for j in range(K):
        res[3] &= same(sp.diff(P[j], Z[j]), P[j] * (1 - P[j]), Z)
        res[4] &= same(sp.diff(L, Z[j]), P[j] * sum(Yk) - Yk[j], Z + Yk)
        res[5] &= same(sp.diff(L, Z[j]), P[j] - Yk[j], Z + Yk)
    res[6] &= same(sum(P), 1, Z)
put(doc, "1", D, r"p_j = \frac{e^{z_j}}")
put(doc, "2", D, r"L = -\sum_{k=1}^{K}")
put(doc, "3", res[3], r"p_j (1 - p_j)")
put(doc, "4", res[4], r"p_j \sum_{k=1}^{K} y_k - y_j")
put(doc, "5", res[5], r"= p_j - y_j")
put(doc, "6", res[6], r"\sum_{j=1}^{K} p_j = 1")

# ---------------------------------------------------------------- 30 `$$` in a code span
doc = "docs/30_code_span_dollars.md"
C = (w * x - y)**2 / 2; V = [w, x, y]
put(doc, "1", D, r"C = \frac{1}{2}(w x - y)^2")
put(doc, "2", same(sp.diff(C, w), (w * x - y) * x, V), r"(w x - y)\, x")
put(doc, "3", same(sp.diff(C, w), (w * x - y), V), "LINE9")

# ---------------------------------------------------------------- 31 Taylor expansions
doc = "docs/31_taylor_second_order.md"
Cf = lambda ww: (ww * x - y)**2
C1, C2 = sp.diff(Cf(w), w), sp.diff(Cf(w), w, 2)
s = sig(z)
put(doc, "1", D, r"C(w) = (w x - y)^2")
put(doc, "2", limit_zero((Cf(w + h) - Cf(w) - C1 * h - C2 * h**2 / 2) / h**2, h), r"\frac{1}{2} C''(w)\, h^2")
put(doc, "3", limit_zero((Cf(w + h) - Cf(w) - C1 * h - C2 * h**2) / h**2, h), r"C'(w)\, h + C''(w)\, h^2")
put(doc, "4", limit_zero((sig(z + h) - s - s * (1 - s) * h) / h, h), "LINE9")
put(doc, "5", limit_zero((sig(z + h) - s - s * (1 - s) * h - s * (1 - s) * (1 - 2 * s) * h**2 / 2) / h**2, h), r"(1 - 2\sigma(z))\, h^2")
put(doc, "6", limit_zero((sp.tanh(h) - h + h**3 / 3) / h**3, h), r"\tanh(h) \approx")

# ---------------------------------------------------------------- 32 ridge / slash notation (control)
doc = "docs/32_ridge_sum_scope.md"
res = {2: True, 3: True, 5: True, 6: True}
for n in range(1, 6):
    X_, Y_ = fam("x", n), fam("y", n)
    V = [w, lam] + X_ + Y_
    C = sum((w * X_[k] - Y_[k])**2 for k in range(n)) / 2 + lam * w**2 / 2
    g = sp.diff(C, w)
    res[2] &= same(g, sum((w * X_[k] - Y_[k]) * X_[k] for k in range(n)) + lam * w, V)
    res[3] &= same(g, sum((w * X_[k] - Y_[k]) * X_[k] + lam * w for k in range(n)), V)
    E = sp.Rational(1, n) * sum((w * X_[k] - Y_[k])**2 for k in range(n))       # 1/n \sum = (1/n) * sum
    gE = sp.diff(E, w)
    res[5] &= same(gE, sp.Rational(2, n) * sum((w * X_[k] - Y_[k]) * X_[k] for k in range(n)), V)
    res[6] &= same(gE, sp.Rational(2, n) * sum((w * X_[k] - Y_[k]) * X_[k] / n for k in range(n)), V)
put(doc, "1", D, r"C = \frac{1}{2}\sum")
put(doc, "2", res[2], "LINE5")
put(doc, "3", res[3], r"\big((w x_i - y_i) x_i + \lambda w\big)")
put(doc, "4", D, r"E = 1/n \sum")
put(doc, "5", res[5], r"= 2/n \sum")
put(doc, "6", res[6], r"x_i / n")

if __name__ == "__main__":
    json.dump(TRUTH, open("truth.json", "w"), indent=1, ensure_ascii=False)
    json.dump({"keys": KEYS, "notes": NOTES}, open("keys.json", "w"), indent=1,
              ensure_ascii=False)
    for dname, labs in TRUTH.items():
        print(dname, labs)
