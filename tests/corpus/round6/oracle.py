# ruff: noqa  (the outside tester's own oracle, kept as written)
"""Independent oracle: plain SymPy, explicit sums for small n, explicit layer chains.
Truth for each numbered equation: "definition" | "true" | "false".
The author's intended reading is used (prose := / \equiv definitions in force, `\,` ends a
function argument, code spans / code blocks / HTML comments are not text, a numbered layer
superscript on a defined layer name is a layer, on data x, y it is a power)."""
import json
import random

import sympy as sp
from sympy import Rational as R

random.seed(1)
sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))
w, b, z, y, x, lam, al = sp.symbols('w b z y x lambda alpha', real=True)

def rnd():
    return R(random.choice([-7, -5, -3, -2, -1, 1, 2, 3, 5, 7]), random.choice([2, 3, 4, 5]))

def same(f, ns=(1, 2, 3, 4, 5), trials=4):
    """f(n) -> (lhs, rhs) sympy exprs; returns True iff equal at random points for every n."""
    for n in ns:
        L, Rr = f(n)
        d = sp.sympify(L - Rr)
        syms = sorted(d.free_symbols, key=str)
        for _ in range(trials):
            sub = {s: rnd() for s in syms}
            v = sp.N(d.subs(sub), 50)
            if v.free_symbols or abs(complex(v)) > 1e-25:
                return False
    return True

T = lambda c: "true" if c else "false"
X = lambda n: sp.symbols(f'x1:{n+1}', real=True)
Y = lambda n: sp.symbols(f'y1:{n+1}', real=True)
A = lambda n: sp.symbols(f'a1:{n+1}', real=True)
truth = {}

# ---------- prose definitions ----------
def logistic_cost(n, bias=True, act=sig):
    xs, ys = X(n), Y(n)
    a = [act(w * xs[i] + (b if bias else 0)) for i in range(n)]
    return xs, ys, a

def p01():
    def g(col):
        def f(n):
            xs, ys, a = logistic_cost(n); e = [a[i] - ys[i] for i in range(n)]
            C = sum(ei**2 for ei in e) / (2 * n)
            rhs = sum(e[i] * a[i] * (1 - a[i]) * xs[i] for i in range(n)) / n
            return sp.diff(C, col), rhs
        return f
    return {"1": "definition", "2": T(same(g(w))), "3": T(same(g(b)))}
truth["p01_prose_where"] = p01()

def p02(rhs0=False):
    def f(n):
        xs, ys, a = logistic_cost(n)
        C = sum((a[i] - ys[i])**2 for i in range(n)) / (2 * n)
        rhs = 0 if rhs0 else sum((a[i] - ys[i]) * a[i] * (1 - a[i]) * xs[i] for i in range(n)) / n
        return sp.diff(C, w), rhs
    return {"1": "definition", "2": T(same(f))}
truth["p02_prose_eq_plain"] = p02()
truth["p02b_prose_eq_false"] = p02(True)

def p03():
    # e := a - y, a := w x + b ; (1) e_i = y_i - a_i
    f1 = lambda n: (w * X(n)[0] + b - Y(n)[0], Y(n)[0] - (w * X(n)[0] + b))
    def f3(n):
        xs, ys = X(n), Y(n); a = [w * xs[i] + b for i in range(n)]
        C = sum((a[i] - ys[i])**2 for i in range(n)) / (2 * n)
        return sp.diff(C, w), sum((a[i] - ys[i]) * xs[i] for i in range(n)) / n
    return {"1": T(same(f1)), "2": "definition", "3": T(same(f3))}
truth["p03_prose_disagree"] = p03()

def lin_e(sign):   # a = w x, e = sign*(a - y), C = 1/2n sum e^2
    def mk(n):
        xs, ys = X(n), Y(n); a = [w * xs[i] for i in range(n)]
        e = [sign * (a[i] - ys[i]) for i in range(n)]
        return xs, ys, a, e, sum(ei**2 for ei in e) / (2 * n)
    return mk

def p04():
    mk = lin_e(-1)  # we use e := y - a
    f2 = lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), -sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p04_prose_two_defs"] = p04()

def p05():
    mk = lin_e(1)
    f4 = lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    # (5): e := y - a now; C unchanged
    f5 = lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), -sum((ys[i] - a[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": "definition", "3": "definition", "4": T(same(f4)), "5": T(same(f5))}
truth["p05_prose_redefine_later"] = p05()

def p06(sign_claim):
    mk = lin_e(1)   # the code span is not a definition
    f4 = lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), sign_claim * sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": "definition", "3": "definition", "4": T(same(f4))}
truth["p06_codespan"] = p06(1)
truth["p06b_codespan_false"] = p06(-1)
truth["p19_codeblock"] = p06(1)
truth["p20_html_comment"] = p06(1)

def p07():
    mk = lin_e(1)
    f = lambda s: (lambda n: (lambda xs, ys, a, e, C: (sp.diff(C, w), s * sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n)))
    return {"1": "definition", "2": T(same(f(1))), "3": T(same(f(-1)))}
truth["p07_escaped_dollar"] = p07()

def p08():
    def mk(n):
        xs, ys = X(n), Y(n); a = [w * xs[i] + b for i in range(n)]
        e = [a[i] - ys[i] for i in range(n)]
        return xs, e, sum(ei**2 for ei in e) / (2 * n)
    f2 = lambda n: (lambda xs, e, C: (sp.diff(C, b), sum(e) / n))(*mk(n))
    f3 = lambda n: (lambda xs, e, C: (sp.diff(C, b), sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p08_latex_paren"] = p08()

def p09():
    def mk(n):
        xs, ys = X(n), Y(n); zz = [w * xs[i] + b for i in range(n)]
        return xs, ys, zz, sum((sig(zz[i]) - ys[i])**2 for i in range(n)) / (2 * n)
    f2 = lambda n: (lambda xs, ys, zz, C: (sp.diff(C, w), sum((sig(zz[i]) - ys[i]) * dsig(zz[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, ys, zz, C: (sp.diff(C, b), 0))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p09_prose_z_family"] = p09()

def p10(false_variant=False):
    def mk(n):
        xs, ys = X(n), Y(n); e = [w * xs[i] - ys[i] for i in range(n)]
        return xs, e, sum(ei**2 for ei in e) / (2 * n)
    if false_variant:
        return {"1": "definition", "2": T(same(lambda n: (lambda xs, e, C: (sp.diff(C, w), 0))(*mk(n))))}
    f2 = lambda n: (lambda xs, e, C: (sp.diff(C, w), sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, e, C: (sp.diff(C, w, 2), sum(xs) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p10_prose_after_use"] = p10()
truth["p10b_prose_after_use_false"] = p10(True)

# ---------- Nielsen chains ----------
def chain(Lk):
    """explicit chain of Lk layers, scalar; returns dict of symbols/expressions."""
    W = sp.symbols(f'w1:{Lk+1}', real=True); B = sp.symbols(f'b1:{Lk+1}', real=True)
    a = [x]; zz = [None]
    for l in range(1, Lk + 1):
        zz.append(W[l-1] * a[l-1] + B[l-1]); a.append(sig(zz[l]))
    C = (a[Lk] - y)**2 / 2
    # delta^l = dC/dz^l via explicit chain rule on z-symbols
    Zs = sp.symbols(f'Z1:{Lk+1}', real=True)
    # C as function of z^l: recompute forward from z^l
    def C_of_zl(l):
        al = sig(Zs[l-1])
        for k in range(l + 1, Lk + 1):
            al = sig(W[k-1] * al + B[k-1])
        return (al - y)**2 / 2
    delta = [None] + [sp.diff(C_of_zl(l), Zs[l-1]).subs(Zs[l-1], zz[l]) for l in range(1, Lk + 1)]
    def C_of_al(l):
        al = sp.Symbol('Al')
        e = al
        for k in range(l + 1, Lk + 1):
            e = sig(W[k-1] * e + B[k-1])
        return (e - y)**2 / 2, al
    dA = [None]
    for l in range(1, Lk + 1):
        Ce, al = C_of_al(l); dA.append(sp.diff(Ce, al).subs(al, a[l]))
    return dict(W=W, B=B, a=a, z=zz, C=C, delta=delta, dA=dA, L=Lk)

def p11():
    c = chain(2); W, B, a, zz, C, d = c['W'], c['B'], c['a'], c['z'], c['C'], c['delta']
    one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,)))
    return {"1": "definition", "2": "definition", "3": "definition", "4": "definition", "5": "definition",
            "6": one(d[2], (a[2] - y) * dsig(zz[2])),
            "7": one(d[1], W[1] * d[2] * dsig(zz[1])),
            "8": one(sp.diff(C, W[0]), d[1] * a[1])}
truth["p11_nielsen_prose_delta"] = p11()

def p12():
    c = chain(2); W, a, C = c['W'], c['a'], c['C']
    one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,)))
    return {**{k: "definition" for k in "123456"},
            "7": one(sp.diff(C, W[0]), (a[2] - y) * a[2] * (1 - a[2]) * W[1] * a[1] * (1 - a[1]) * x),
            "8": one(C, a[2]**2 / 2 - a[2] * y + y**2 / 2),   # y^2: y is data, a power
            "9": one(sp.diff(C, y), y - a[2])}
truth["p12_nielsen_x_a0"] = p12()

def generic(claim, Ls=(1, 2, 3, 4), lrange=lambda Lk: range(1, Lk + 1)):
    for Lk in Ls:
        c = chain(Lk)
        for l in lrange(Lk):
            L_, R_ = claim(c, l)
            if not same(lambda n: (L_, R_), ns=(1,), trials=3):
                return "false"
    return "true"

def l01():
    dz = lambda c, l: c['delta'][l]
    return {"1": "definition", "2": "definition", "3": "definition",
            "BP1": generic(lambda c, l: (c['delta'][c['L']], (c['a'][c['L']] - y) * dsig(c['z'][c['L']])), lrange=lambda Lk: [Lk]),
            "BP2": generic(lambda c, l: (c['delta'][l], c['W'][l] * c['delta'][l+1] * dsig(c['z'][l])), Ls=(2, 3, 4), lrange=lambda Lk: range(1, Lk)),
            "BP3": generic(lambda c, l: (sp.diff(c['C'], c['B'][l-1]), c['delta'][l])),
            "BP4": generic(lambda c, l: (sp.diff(c['C'], c['W'][l-1]), c['a'][l-1] * c['delta'][l])),
            "W": generic(lambda c, l: (sp.diff(c['C'], c['W'][l-1]), c['a'][l] * c['delta'][l]))}
truth["l01_generic_bp"] = l01()

def l02():
    return {"1": "definition", "2": "definition", "3": "definition",
            "4": generic(lambda c, l: (c['dA'][c['L']], c['a'][c['L']] - y), lrange=lambda Lk: [Lk]),
            "5": generic(lambda c, l: (c['dA'][c['L']], (c['a'][c['L']] - y) * dsig(c['z'][c['L']])), lrange=lambda Lk: [Lk]),
            "6": generic(lambda c, l: (c['dA'][l], c['W'][l-1] * c['dA'][l+1] * dsig(c['z'][l])), Ls=(2, 3, 4), lrange=lambda Lk: range(1, Lk))}
truth["l02_generic_bp_wrong"] = l02()

def l03(false_variant=False):
    c = chain(2); W, B, a, zz, C, d = c['W'], c['B'], c['a'], c['z'], c['C'], c['delta']
    one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,)))
    base = {k: "definition" for k in "12345"}
    if false_variant:   # L = 2, the last layer of this document
        return {**base, "6": one(sp.diff(C, B[1]), 0), "7": one(sp.diff(C, W[1]), (a[1] - y) * dsig(zz[1]) * x)}
    return {**base, "6": one(d[2], (a[2] - y) * dsig(zz[2])),
            "7": one(sp.diff(C, B[0]), (a[2] - y) * dsig(zz[2]) * W[1] * dsig(zz[1])),
            "8": one(sp.diff(C, W[0]), (a[2] - y) * dsig(zz[2]) * W[1] * dsig(zz[1]))}
truth["l03_mixed_layers"] = l03()
truth["l03b_mixed_L_false"] = l03(True)

def l04(false_variant=False):
    c = chain(1); W, a, zz = c['W'], c['a'], c['z']
    one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,)))
    if false_variant:
        C = c['C']
        return {"1": "definition", "2": "definition", "3": "definition",
                "4": one(C, a[1]**2 / 2 - a[1] * y), "5": one(sp.diff(x**2, x), 0)}
    C = (a[1] - y)**2 / 2 + lam / 2 * W[0]**2
    return {"1": "definition", "2": "definition", "3": "definition",
            "4": one(sp.diff(C, W[0]), (a[1] - y) * dsig(zz[1]) * x + lam * W[0]),
            "5": one(sp.diff(C, x), (a[1] - y) * dsig(zz[1]) * W[0]),
            "6": one(sp.diff((a[1] - y)**2 / 2, y), y - a[1]),
            "7": one(sp.diff(x**2, x), 2 * x)}
truth["l04_layers_square"] = l04()
truth["l04b_layers_square_false"] = l04(True)

def l05():
    c = chain(1); W, a, zz, C = c['W'], c['a'], c['z'], c['C']
    one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,)))
    return {"1": "definition", "2": "definition", "3": "definition",
            "4": one(sp.diff(C, W[0]), (a[1] - y) * a[1] * (1 - a[1]) * x),
            "5": one(sp.diff(C, x), (a[1] - y) * a[1] * (1 - a[1]) * W[0]),
            "6": one(sp.diff(C, x), 0)}
truth["l05_prose_a0"] = l05()

def p13():
    def mk(n):
        xs, ys = X(n), Y(n); a = [1 / (1 + sp.exp(-w * xs[i])) for i in range(n)]
        e = [a[i] - ys[i] for i in range(n)]
        return xs, a, e, sum(ei**2 for ei in e) / (2 * n)
    f3 = lambda n: (lambda xs, a, e, C: (sp.diff(a[0], w), a[0] * (1 - a[0]) * xs[0]))(*mk(n))
    f4 = lambda n: (lambda xs, a, e, C: (sp.diff(C, w), sum(e[i] * a[i] * (1 - a[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f5 = lambda n: (lambda xs, a, e, C: (sp.diff(C, w), sum(e[i] * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": "definition", "3": T(same(f3)), "4": T(same(f4)), "5": T(same(f5))}
truth["p13_euler_e"] = p13()

def p14():
    h = sp.Symbol('h')
    def mk(n):
        xs, ys = X(n), Y(n); a = [w * xs[i] for i in range(n)]
        C = lambda ww: sum((ww * xs[i] - ys[i])**2 for i in range(n)) / (2 * n)
        return xs, ys, a, C
    def f3(n):
        xs, ys, a, C = mk(n)
        return sp.diff(C(w), w), sp.limit(sp.expand((C(w + h) - C(w - h)) / (2 * h)), h, 0)
    f4 = lambda n: (lambda xs, ys, a, C: (sp.diff(C(w), w), sum((a[i] - ys[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f5 = lambda n: (lambda xs, ys, a, C: (sp.diff(C(w), w), sum((a[i] - ys[i]) for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": "definition", "3": T(same(f3, ns=(1, 2))), "4": T(same(f4)), "5": T(same(f5))}
truth["p14_delta_stepsize"] = p14()

def p15(false_variant=False):
    def mk(n):
        xs = X(n); a = [sig(w * xs[i]) for i in range(n)]
        return xs, a, sum((a[i] - 1)**2 for i in range(n)) / (2 * n)
    if false_variant:
        return {"1": "definition", "2": T(same(lambda n: (lambda xs, a, C: (sp.diff(C, w), 0))(*mk(n))))}
    f2 = lambda n: (lambda xs, a, C: (sp.diff(C, w), sum((a[i] - 1) * a[i] * (1 - a[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, a, C: (sp.diff(C, w), -sum(a[i] * (1 - a[i])**2 * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p15_prose_data"] = p15()
truth["p15b_prose_data_false"] = p15(True)

def p18():
    def mk(n):
        xs, ys, a = logistic_cost(n); e = [a[i] - ys[i] for i in range(n)]
        return xs, e, sum(ei**2 for ei in e) / (2 * n)
    f2 = lambda n: (lambda xs, e, C: (sp.diff(C, b), sum(e[i] * dsig(w * xs[i] + b) for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, e, C: (sp.diff(C, b), 0))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p18_prose_chain_only"] = p18()

def p21():
    xs = X(1)
    return {"1": "definition",
            "2": T(same(lambda n: (sp.diff(sig(w * xs[0]), w), sig(w * xs[0]) * (1 - sig(w * xs[0])) * xs[0]), ns=(1,))),
            "3": T(same(lambda n: (sp.diff(sig(-w * xs[0]), w), -sig(w * xs[0]) * (1 - sig(w * xs[0])) * xs[0]), ns=(1,)))}
truth["p21_prose_equiv_identity"] = p21()

def p22():
    def mk(n):
        xs, ys = X(n), Y(n); a = [w * xs[i] + b for i in range(n)]
        return xs, ys, a, sum((a[i] - ys[i])**2 for i in range(n)) / (2 * n)
    f2 = lambda n: (lambda xs, ys, a, C: (sp.diff(C, w), sum((a[i] - ys[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, ys, a, C: (sp.diff(C, b), sum((a[i] - ys[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3))}
truth["p22_prose_cost"] = p22()

def p24():
    xs = X(1); a = sig(w * xs[0])
    return {"1": "definition",
            "2": T(same(lambda n: (sp.diff(a, w), dsig(w * xs[0]) * xs[0]), ns=(1,))),
            "3": T(same(lambda n: (sp.diff(a, w), a * (1 + a) * xs[0]), ns=(1,)))}
truth["p24_prose_sigmaprime"] = p24()

# ---------- pair sums ----------
def pairs(n, lo=1, hi=None):
    hi = n if hi is None else hi
    return [(i, j) for i in range(lo, hi + 1) for j in range(lo, hi + 1) if i < j]
def neq(n):
    return [(i, j) for i in range(1, n + 1) for j in range(1, n + 1) if i != j]
xi = lambda xs, i: xs[i - 1]

def s01():
    S = lambda n, xs: sum((xi(xs, i) - xi(xs, j))**2 for i, j in pairs(n))
    f2 = lambda n: (lambda xs: (S(n, xs), n * sum(t**2 for t in xs) - sum(xs)**2))(X(n))
    f3 = lambda n: (lambda xs: (S(n, xs), n * sum(t**2 for t in xs) - 2 * sum(xs)**2))(X(n))
    f4 = lambda n: (lambda xs: (sum((xi(xs, i) - xi(xs, j))**2 for i, j in neq(n)), 2 * S(n, xs)))(X(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4))}
truth["s01_pairs_identity"] = s01()

def s02():
    ns = range(1, 8)
    return {"1": T(all(len(pairs(n)) == n * (n - 1) // 2 for n in ns)),
            "2": T(all(len(pairs(n, 0, n - 1)) == n * (n - 1) // 2 for n in ns)),
            "3": T(all(len(pairs(n)) == n * (n + 1) // 2 for n in ns)),
            "4": T(all(len(neq(n)) == n * n - n for n in ns)),
            "5": T(all(len(neq(n)) == n * n for n in ns))}
truth["s02_pairs_counts"] = s02()

def s03():
    f1 = lambda n: (lambda xs: (sum(xi(xs, i) for i, j in pairs(n)), sum((n - i) * xi(xs, i) for i in range(1, n + 1))))(X(n))
    f2 = lambda n: (lambda xs: (sum(xi(xs, j) for i, j in pairs(n)), sum((j - 1) * xi(xs, j) for j in range(1, n + 1))))(X(n))
    jl = lambda n: [(i, j) for i in range(1, n + 1) for j in range(1, n + 1) if j < i]
    f3 = lambda n: (lambda xs: (sum(xi(xs, i) for i, j in pairs(n)), sum(xi(xs, j) for i, j in jl(n))))(X(n))
    f4 = lambda n: (lambda xs: (sum(xi(xs, i) for i, j in pairs(n)), sum(xi(xs, i) for i, j in jl(n))))(X(n))
    f5 = lambda n: (lambda xs: (sum(xi(xs, i) for i, j in pairs(n)), sum((i - 1) * xi(xs, i) for i in range(1, n + 1))))(X(n))
    return {"1": T(same(f1)), "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4)), "5": T(same(f5))}
truth["s03_pairs_roles"] = s03()

def s04():
    f1 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in neq(n)), sum(xs)**2 - sum(t**2 for t in xs)))(X(n))
    f2 = lambda n: (lambda xs: (sum((xi(xs, i) - xi(xs, j))**2 for i, j in neq(n)), 2 * n * sum(t**2 for t in xs) - 2 * sum(xs)**2))(X(n))
    f3 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in neq(n)), sum(xs)**2))(X(n))
    f4 = lambda n: (lambda xs: (sum(xi(xs, j) for i, j in neq(n)), (n - 1) * sum(xs)))(X(n))
    return {"1": T(same(f1)), "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4))}
truth["s04_nested_jneqi"] = s04()

def s05():
    def mk(n):
        xs = X(n); a = [w * t for t in xs]
        return xs, a, sum((xi(a, i) - xi(a, j))**2 for i, j in pairs(n)) / 2
    f2 = lambda n: (lambda xs, a, C: (sp.diff(C, w), sum((xi(a, i) - xi(a, j)) * (xi(xs, i) - xi(xs, j)) for i, j in pairs(n))))(*mk(n))
    f3 = lambda n: (lambda xs, a, C: (sp.diff(C, w), w * sum((xi(xs, i) - xi(xs, j))**2 for i, j in pairs(n))))(*mk(n))
    f4 = lambda n: (lambda xs, a, C: (sp.diff(C, w), 2 * w * sum((xi(xs, i) - xi(xs, j))**2 for i, j in pairs(n))))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4))}
truth["s05_pair_gradient"] = s05()

def pair_sample_deriv(kind):
    res = True
    for n in range(1, 6):
        a = A(n); C = sum((xi(a, j) - xi(a, k))**2 for j, k in pairs(n)) / 2
        for i in range(1, n + 1):
            d = sp.diff(C, xi(a, i))
            if kind == "neq": r = sum(xi(a, i) - xi(a, j) for j in range(1, n + 1) if j != i)
            elif kind == "gt": r = sum(xi(a, i) - xi(a, j) for j in range(i + 1, n + 1))
            else: r = n * xi(a, i) - sum(a)
            res &= sp.expand(d - r) == 0
    return T(res)
truth["s06_pair_sample_deriv"] = {"1": "definition", "2": pair_sample_deriv("neq"), "3": pair_sample_deriv("gt"), "4": pair_sample_deriv("n")}
truth["s11_pair_sample_deriv_i"] = {"1": "definition", "2": pair_sample_deriv("neq"), "3": pair_sample_deriv("n"), "4": pair_sample_deriv("gt")}

def s07():
    f1 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in pairs(n)), (sum(xs)**2 - sum(t**2 for t in xs)) / 2))(X(n))
    f2 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in pairs(n)), (sum(xs)**2 - sum(t**2 for t in xs))))(X(n))
    f3 = lambda n: (lambda xs: (sum(xi(xs, j) for i, j in pairs(n)), sum((j - 1) * xi(xs, j) for j in range(1, n + 1))))(X(n))
    return {"1": T(same(f1)), "2": T(same(f2)), "3": T(same(f3))}
truth["s07_pair_kl"] = s07()

def s08():
    f1 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in pairs(n)), (sum(xs)**2 - sum(t**2 for t in xs)) / 2))(X(n))
    f2 = lambda n: (lambda xs: (sum(xi(xs, j) for i, j in pairs(n, 1, n - 1)), sum((j - 1) * xi(xs, j) for j in range(1, n))))(X(n))
    f3 = lambda n: (lambda xs: (sum(xi(xs, j) for i, j in pairs(n, 1, n - 1)), sum((j - 1) * xi(xs, j) for j in range(1, n + 1))))(X(n))
    return {"1": T(same(f1)), "2": T(same(f2)), "3": T(same(f3)),
            "4": T(all(len(pairs(n, 2, n)) == (n - 1) * (n - 2) // 2 for n in range(1, 9)))}
truth["s08_pair_ineq_limits"] = s08()

def s09():
    f1 = lambda n: (lambda xs: (sum(xi(xs, i) * (n - 1) for i in range(1, n + 1)), (n - 1) * sum(xs)))(X(n))
    # (2) author's reading: the inner sum runs over j != i (printed reading of symgrad agrees)
    f2 = lambda n: (lambda xs: (sum(xi(xs, i) for i, j in neq(n)), (n - 1) * sum(xs)))(X(n))
    f3 = lambda n: (lambda xs: (sum(xi(xs, i) * xi(xs, j) for i, j in neq(n)), sum(xi(xs, i) * xi(xs, j) for i, j in neq(n))))(X(n))
    return {"1": T(same(f1)), "2": T(same(f2)), "3": T(same(f3))}
truth["s09_nested_i_reused"] = s09()

def s10():
    # j is a fixed sample (leave-one-out)
    ok1 = ok2 = ok3 = True
    for n in range(1, 6):
        a = A(n)
        for j in range(1, n + 1):
            loo = sum(xi(a, i) for i in range(1, n + 1) if i != j)
            ok1 &= sp.expand(loo - (sum(a) - xi(a, j))) == 0
            ok2 &= sp.expand(sp.diff(loo * xi(a, j), xi(a, j)) - loo) == 0
            ok3 &= sp.expand(loo - sum(a)) == 0
    return {"1": T(ok1), "2": T(ok2), "3": T(ok3)}
truth["s10_leave_one_out"] = s10()

def s12():
    def D(n, xs): return R(2, n * (n - 1)) * sum((xi(xs, i) - xi(xs, j))**2 for i, j in pairs(n))
    f2 = lambda n: (lambda xs: (D(n, xs), R(1, n * (n - 1)) * sum((xi(xs, i) - xi(xs, j))**2 for i, j in neq(n))))(X(n))
    f4 = lambda n: (lambda xs: (sum(xi(xs, i) + xi(xs, j) for i, j in pairs(n)), (n - 1) * sum(xs)))(X(n))
    f5 = lambda n: (lambda xs: (sum(xi(xs, i) + xi(xs, j) for i, j in pairs(n)), n * sum(xs)))(X(n))
    return {"1": "definition", "2": T(same(f2, ns=(2, 3, 4, 5))),   # D undefined at n = 1 (0/0)
            "3": T(all(len(pairs(n)) == sp.binomial(n, 2) for n in range(1, 9))),
            "4": T(same(f4)), "5": T(same(f5))}
truth["s12_pair_normalised"] = s12()

# ---------- functions without parentheses ----------
one = lambda L, Rr: T(same(lambda n: (L, Rr), ns=(1,), trials=6))
zp = sp.Symbol('zp', positive=True)
truth["f01_tanh_noparen"] = {
    "1": one(sp.diff(sp.tanh(z), z), 1 - sp.tanh(z)**2),
    "2": one(sp.diff(sp.tanh(z)**2, z), 2 * sp.tanh(z) * (1 - sp.tanh(z)**2)),
    "3": one(sp.diff(sp.tanh(z), z), 1 - sp.tanh(z**2)),
    "4": T(sp.simplify(sp.diff(sp.atanh(z), z) - 1 / (1 - z**2)) == 0)}

def f02():
    def mk(n):
        xs, ys, a = logistic_cost(n)
        return xs, ys, a, -sum(ys[i] * sp.log(a[i]) + (1 - ys[i]) * sp.log(1 - a[i]) for i in range(n)) / n
    f2 = lambda n: (lambda xs, ys, a, C: (sp.diff(C, b), sum(a[i] - ys[i] for i in range(n)) / n))(*mk(n))
    f3 = lambda n: (lambda xs, ys, a, C: (sp.diff(C, w), sum((a[i] - ys[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    f4 = lambda n: (lambda xs, ys, a, C: (sp.diff(C, w), sum((ys[i] - a[i]) * xs[i] for i in range(n)) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4))}
truth["f02_ln_noparen"] = f02()

ap, yy = sp.Symbol('ap', positive=True), sp.Symbol('yy')
ell = sp.log(ap) * (1 - yy)
truth["f03_ln_trailing_factor"] = {"1": "definition",
    "2": T(sp.simplify(sp.diff(ell, ap) - (1 - yy) / ap) == 0),
    "3": T(sp.simplify(sp.diff(ell, ap) + (1 - yy) / (1 - ap)) == 0)}

def f04():
    def mk(n):
        xs = X(n); return xs, sum(sp.exp(w * t) for t in xs) / n
    f2 = lambda n: (lambda xs, C: (sp.diff(C, w), sum(t * sp.exp(w * t) for t in xs) / n))(*mk(n))
    f3 = lambda n: (lambda xs, C: (sp.diff(C, w), sum(sp.exp(w * t) for t in xs) / n))(*mk(n))
    f4 = lambda n: (lambda xs, C: (sp.diff(C, w, 2), sum(t**2 * sp.exp(w * t) for t in xs) / n))(*mk(n))
    return {"1": "definition", "2": T(same(f2)), "3": T(same(f3)), "4": T(same(f4))}
truth["f04_exp_noparen"] = f04()

wp = sp.Symbol('wp', positive=True)
truth["f05_log_bases"] = {
    "1": T(sp.simplify(sp.diff(sp.log(wp, 2), wp) - 1 / (wp * sp.log(2))) == 0),
    "2": T(sp.simplify(sp.diff(sp.log(wp, 2), wp) - 1 / wp) == 0),
    "3": T(sp.simplify(sp.diff(sp.log(wp, 10), wp) - 1 / (wp * sp.log(10))) == 0),
    "4": T(sp.simplify(sp.log(wp, 2) - sp.log(wp) / sp.log(2)) == 0),
    "5": T(sp.simplify(sp.expand_log(sp.log(wp**2, 10) - 2 * sp.log(wp, 10), force=True)) == 0)}

pp = sp.symbols('p1:4', positive=True)
H = -sum(p * sp.log(p, 2) for p in pp)
truth["f06_entropy_log2"] = {"1": "definition",
    "2": T(sp.simplify(sp.diff(H, pp[0]) - (-sp.log(pp[0], 2) - 1 / sp.log(2))) == 0),
    "3": T(sp.simplify(sp.diff(H, pp[0]) - (-sp.log(pp[0], 2) - 1)) == 0)}

x1 = sp.Symbol('x1', real=True); a1 = sig(w * x1 + b)
truth["f07_partial_scope"] = {"1": "definition",
    "2": one(sp.diff(sp.log(a1), w), (1 - a1) * x1),
    "3": one(sp.diff(sp.log(a1) * x1, w), (1 - a1) * x1**2),     # `\,` ends the argument of \ln
    "4": one(sp.diff(sp.log(1 - a1), w), -a1 * x1)}

at = sp.tanh(w * x1)
truth["f08_tanh_times"] = {"1": "definition",
    "2": one(sp.diff(at, w), (1 - sp.tanh(w * x1)**2) * x1),
    "3": one(sp.diff(at, w), (1 - at**2) * x1),
    "4": one(sp.diff(at, w), sp.tanh(w * x1) * (1 - at) * x1)}

truth["f09_sin_inverse"] = {
    "1": T(sp.simplify(sp.diff(sp.log(zp / (1 - zp)), zp) - 1 / (zp * (1 - zp))) == 0),   # sigma^{-1} = logit
    "2": T(sp.simplify(sp.diff(sp.log(zp / (1 - zp)), zp) - 1 / (zp * (1 - zp))) == 0),
    "3": T(sp.simplify(sp.diff(sp.atan(z), z) - 1 / (1 + z**2)) == 0)}

truth["f10_more_noparen"] = {
    "1": T(sp.simplify(sp.diff(sp.log(zp)**2, zp) - 2 * sp.log(zp) / zp) == 0),
    "2": one(sp.diff(sp.log(sp.cosh(z)), z), sp.tanh(z)),
    "3": one(sp.diff(sp.tanh(z) * (1 - z), z), (1 - sp.tanh(z)**2) * (1 - z) - sp.tanh(z)),
    "4": T(sp.simplify(sp.diff(sp.log(zp**2), zp) - 2 / zp) == 0),
    "5": T(sp.simplify(sp.diff(sp.log(zp)**2, zp) - 2 / zp) == 0)}

# ---------- Ng ----------
t0, t1, t2 = sp.symbols('theta0 theta1 theta2', real=True)
def n01():
    def mk(m):
        xs, ys = X(m), Y(m); h = [t0 + t1 * t for t in xs]
        return xs, ys, h, sum((h[i] - ys[i])**2 for i in range(m)) / (2 * m)
    f = lambda par, fac: (lambda m: (lambda xs, ys, h, J: (sp.diff(J, par), sum((h[i] - ys[i]) * (xs[i] if fac else 1) for i in range(m)) / m))(*mk(m)))
    return {"1": "definition", "2": "definition", "3": T(same(f(t0, False))), "4": T(same(f(t1, True))), "5": T(same(f(t0, True))), "6": "definition"}
truth["n01_ng_linear"] = n01()

def ng_feat(m, nf, reg=False):
    th = sp.symbols(f'th0:{nf+1}', real=True)
    xs = [[sp.Symbol(f'x{i}_{j}', real=True) for j in range(nf + 1)] for i in range(m)]
    ys = Y(m); h = [sum(th[j] * xs[i][j] for j in range(nf + 1)) for i in range(m)]
    J = sum((h[i] - ys[i])**2 for i in range(m)) / (2 * m)
    if reg: J += lam / (2 * m) * sum(th[j]**2 for j in range(1, nf + 1))
    return th, xs, ys, h, J

def n02():
    ok3 = ok4 = ok5 = True
    for m in (1, 2, 3):
        for nf in (1, 2, 3):
            th, xs, ys, h, J = ng_feat(m, nf)
            for j in range(0, nf + 1):
                g = sum((h[i] - ys[i]) * xs[i][j] for i in range(m)) / m
                ok3 &= sp.expand(sp.diff(J, th[j]) - g) == 0
                ok4 &= sp.expand(sp.diff(J, th[j]) - sum((h[i] - ys[i]) * xs[i][j]**2 for i in range(m)) / m) == 0
            ok5 &= sp.expand(sp.diff(J, th[1]) - sum((h[i] - ys[i]) * xs[i][1] for i in range(m)) / m) == 0
    return {"1": "definition", "2": "definition", "3": T(ok3), "4": T(ok4), "5": T(ok5)}
truth["n02_ng_features"] = n02()

def n03():
    def mk(m):
        xs = X(m); ys = Y(m); h = [1 / (1 + sp.exp(-(t0 + t1 * t))) for t in xs]
        return xs, ys, h, -sum(ys[i] * sp.log(h[i]) + (1 - ys[i]) * sp.log(1 - h[i]) for i in range(m)) / m
    f3 = lambda m: (lambda xs, ys, h, J: (sp.diff(J, t1), sum((h[i] - ys[i]) * xs[i] for i in range(m)) / m))(*mk(m))
    f4 = lambda m: (lambda xs, ys, h, J: (sp.diff(J, t0), sum((h[i] - ys[i]) * xs[i] for i in range(m)) / m))(*mk(m))
    return {"1": "definition", "2": "definition", "3": T(same(f3, ns=(1, 2, 3))), "4": T(same(f4, ns=(1, 2, 3)))}
truth["n03_ng_logistic"] = n03()

def n04():
    ok3 = ok4 = ok5 = True
    for m in (1, 2, 3):
        for nf in (2, 3):      # the document names theta_2, so n >= 2
            th, xs, ys, h, J = ng_feat(m, nf, reg=True)
            g0 = sum((h[i] - ys[i]) * xs[i][0] for i in range(m)) / m
            ok3 &= sp.expand(sp.diff(J, th[0]) - g0) == 0
            ok4 &= sp.expand(sp.diff(J, th[0]) - g0 - lam / m * th[0]) == 0
            g2 = sum((h[i] - ys[i]) * xs[i][2] for i in range(m)) / m
            ok5 &= sp.expand(sp.diff(J, th[2]) - g2 - lam / m * th[2]) == 0
    return {"1": "definition", "2": "definition", "3": T(ok3), "4": T(ok4), "5": T(ok5)}
truth["n04_ng_regularized"] = n04()

def n05():
    ok3 = ok4 = True
    for m in (1, 2, 3):
        for nf in (1, 2):
            th, xs, ys, h, J = ng_feat(m, nf)
            sub = {xs[i][0]: 1 for i in range(m)}
            J = J.subs(sub); h = [hh.subs(sub) for hh in h]
            ok3 &= sp.expand(sp.diff(J, th[0]) - sum(h[i] - ys[i] for i in range(m)) / m) == 0
            ok4 &= sp.expand(sp.diff(J, th[0]) - sum((h[i] - ys[i]) * xs[i][1] for i in range(m)) / m) == 0
    return {"1": "definition", "2": "definition", "3": T(ok3), "4": T(ok4)}
truth["n05_ng_prose_x0"] = n05()

hx = sig(t0 + t1 * x)
truth["n06_ng_h_vs_sigma"] = {"1": "definition", "2": "definition",
    "3": one(sp.diff(sig(z), z), sig(z) * (1 - sig(z))),
    "4": one(sp.diff(hx, t1), hx * (1 - hx) * x),
    "5": one(sp.diff(hx, t0), hx * (1 - hx) * x)}

# ---------- sigma restated ----------
truth["g01_sigma_restated_after"] = {"1": "definition",
    "2": one(sp.diff(sig(w * x1), w), sig(w * x1) * (1 - sig(w * x1)) * x1),
    "3": one(sig(z), sp.exp(z) / (1 + sp.exp(z))),         # a true restatement
    "4": one(sp.diff(sig(z), z), sig(z) * (1 - sig(z)))}
s_wrong = sp.exp(-z) / (1 + sp.exp(-z))
truth["g02_sigma_wrong_restate"] = {"1": T(same(lambda n: (sig(z), s_wrong), ns=(1,))),  # against the standard sigmoid
    "2": one(sp.diff(sig(z), z), sig(z) * (1 - sig(z))),       # true of the standard sigmoid
    "3": one(sp.diff(sig(z), z), -sig(z) * (1 - sig(z)))}
truth["g03_sigma_wrong_after"] = {"1": "definition",
    "2": one(sp.diff(sig(w * x1 + b), b), sig(w * x1 + b) * (1 - sig(w * x1 + b))),
    "3": one(sig(z), 1 / (1 + sp.exp(z)))}
truth["g04_sigma_tanh_form"] = {"1": "definition",
    "2": one(sig(z), (1 + sp.tanh(z / 2)) / 2), "3": one(sig(z), (1 + sp.tanh(z)) / 2),
    "4": one(sig(-z), 1 - sig(z))}
s5 = lambda t: 1 / (1 + sp.exp(t))   # the course's own sigma
a5 = s5(w * x1)
truth["g05_sigma_prose"] = {"1": "definition",
    "2": one(sp.diff(a5, w), -a5 * (1 - a5) * x1), "3": one(sp.diff(a5, w), a5 * (1 - a5) * x1)}
truth["g05b_sigma_prose_false"] = {"1": "definition", "2": one(sp.diff(a5, w), 0)}
truth["g06_sigmaprime_def"] = {"1": one(sp.diff(sig(z), z), sig(z) * (1 + sig(z))),   # a false formula for sigma'
    "2": "definition",
    "3": one(sp.diff(sig(w * x1), w), dsig(w * x1) * x1),
    "4": one(sp.diff(sig(w * x1), w), sig(w * x1) * (1 + sig(w * x1)) * x1)}

if __name__ == "__main__":
    json.dump(truth, open("truth.json", "w"), indent=1, sort_keys=True)  # converted to *.truth.json when copied here
    n = sum(len(v) for v in truth.values())
    print(len(truth), "documents,", n, "equations")
