"""Independent oracle for the attack5 documents.

Every claim is rebuilt by hand in plain SymPy with explicit small sample
counts (n = 1..4), concrete chains (L = 1..4) and expanded sums, and then
checked numerically at random rational points with 50-digit evaluation
(and, where cheap, by simplify).  Output: truth.json {doc: {label: truth}}
with truth in {"definition", "true", "false"}.
"""
import json
import random

import sympy as sp

random.seed(12345)
DEF = "definition"
S = sp.Symbol
sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))


def rnd():
    return sp.Rational(random.randint(-40, 40), random.choice([4, 5, 8, 10])) or sp.Rational(1, 3)


def equal(lhs, rhs, trials=12, pos=(), avoid=None):
    """Numeric comparison at random points, 50 digits. pos: symbols that must be > 0."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    e = lhs - rhs
    syms = sorted(lhs.free_symbols | rhs.free_symbols, key=str)
    for _ in range(trials):
        sub = {}
        for s_ in syms:
            v = rnd()
            if s_ in pos:
                v = abs(v) + sp.Rational(1, 7)
            sub[s_] = v
        if avoid is not None and not avoid(sub):
            continue
        val = sp.N(e.subs(sub), 50)
        if val.has(sp.nan, sp.zoo) or not val.is_number:
            continue
        scale = max(1, abs(sp.N(lhs.subs(sub), 30)))
        if abs(val) > sp.Float('1e-30') * scale:
            return False
    return True


def allN(claim, ns=range(1, 5), **kw):
    """claim(n) -> (lhs, rhs); true iff equal for every n in ns."""
    for n in ns:
        l, r = claim(n)
        if not equal(l, r, **kw):
            return False
    return True


def tv(b):
    return "true" if b else "false"


truth = {}

# ---------------------------------------------------------------- Nielsen chains
def chain(L, cost="quad", half=True):
    w = [None] + [S(f"w{k}") for k in range(1, L + 1)]
    b = [None] + [S(f"b{k}") for k in range(1, L + 1)]
    x, y = S("x"), S("y")
    a = [x]; z = [None]
    for k in range(1, L + 1):
        z.append(w[k] * a[k - 1] + b[k]); a.append(sig(z[k]))
    def costf(aL):
        if cost == "quad":
            return (sp.Rational(1, 2) if half else 1) * (aL - y) ** 2
        return -y * sp.log(aL) - (1 - y) * sp.log(1 - aL)
    C = costf(a[L])
    delta = [None] + [sp.diff(C, b[k]) for k in range(1, L + 1)]  # dC/dz^k = dC/db^k
    def dC_da(l):  # dC/da^l, a^l as a free variable
        A = S("A")
        cur = A
        for k in range(l + 1, L + 1):
            cur = sig(w[k] * cur + b[k])
        return sp.diff(costf(cur), A).subs(A, a[l])
    return dict(w=w, b=b, x=x, y=y, a=a, z=z, C=C, d=delta, dC_da=dC_da, L=L)


def generic(claim, Ls=range(1, 5), lrange=lambda L: range(1, L + 1), **chainkw):
    for L in Ls:
        c = chain(L, **chainkw)
        for l in lrange(L):
            lhs, rhs = claim(c, l)
            if not equal(lhs, rhs, trials=6):
                return False
    return True

below_top = lambda L: range(1, L)  # l with l+1 <= L

t = {"1": DEF, "2": DEF, "3": DEF}
t["4"] = tv(generic(lambda c, l: (c["d"][c["L"]], (c["a"][c["L"]] - c["y"]) * dsig(c["z"][c["L"]])), lrange=lambda L: [L]))
t["5"] = tv(generic(lambda c, l: (c["d"][l], c["w"][l + 1] * c["d"][l + 1] * dsig(c["z"][l])), Ls=range(2, 5), lrange=below_top))
t["6"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["b"][l]), c["d"][l])))
t["7"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["w"][l]), c["a"][l - 1] * c["d"][l])))
truth["n1.md"] = t

t = {"1": DEF, "2": DEF, "3": DEF}
t["4"] = tv(generic(lambda c, l: (c["d"][c["L"]], c["a"][c["L"]] - c["y"]), lrange=lambda L: [L]))
t["5"] = tv(generic(lambda c, l: (c["d"][l], c["w"][l] * c["d"][l + 1] * dsig(c["z"][l])), Ls=range(2, 5), lrange=below_top))
t["6"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["w"][l]), c["a"][l] * c["d"][l])))
t["7"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["b"][l]), c["d"][l])))
t["8"] = tv(generic(lambda c, l: (c["dC_da"](l - 1), c["w"][l] * c["d"][l]), lrange=lambda L: range(2, L + 1) if L > 1 else []))
truth["n2.md"] = t

q = dict(half=False)
t = {"1": DEF, "2": DEF, "3": DEF}
t["4"] = tv(generic(lambda c, l: (c["d"][c["L"]], 2 * (c["a"][c["L"]] - c["y"]) * c["a"][c["L"]] * (1 - c["a"][c["L"]])), lrange=lambda L: [L], **q))
t["5"] = tv(generic(lambda c, l: (c["d"][c["L"]], (c["a"][c["L"]] - c["y"]) * dsig(c["z"][c["L"]])), lrange=lambda L: [L], **q))
t["6"] = tv(generic(lambda c, l: (c["d"][l], c["d"][l + 1] * c["w"][l + 1] * c["a"][l] * (1 - c["a"][l])), Ls=range(2, 5), lrange=below_top, **q))
t["7"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["w"][l]), c["d"][l] * c["a"][l - 1]), **q))
t["8"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["b"][l]), c["d"][l + 1]), Ls=range(2, 5), lrange=below_top, **q))
truth["n3.md"] = t

c = chain(3, cost="ce")
t = {str(k): DEF for k in range(1, 8)}
t["8"] = tv(equal(c["d"][3], c["a"][3] - c["y"]))
t["9"] = tv(equal(c["d"][2], c["w"][3] * c["d"][3] * dsig(c["z"][2])))
t["10"] = tv(equal(c["d"][1], c["w"][2] * c["d"][2] * dsig(c["z"][1])))
t["11"] = tv(equal(sp.diff(c["C"], c["w"][1]), c["x"] * c["d"][1]))
t["12"] = tv(equal(sp.diff(c["C"], c["w"][2]), c["a"][2] * c["d"][2]))
t["13"] = tv(equal(sp.diff(c["C"], c["b"][3]), c["d"][3]))
truth["n4.md"] = t

c = chain(2, cost="ce")
t = {str(k): DEF for k in range(1, 6)}
t["6"] = tv(equal(c["d"][2], (c["a"][2] - c["y"]) * dsig(c["z"][2])))
t["7"] = tv(equal(c["d"][1], c["w"][2] * c["d"][2] * dsig(c["z"][1])))
t["8"] = tv(equal(sp.diff(c["C"], c["b"][2]), c["d"][2]))
t["9"] = tv(equal(sp.diff(c["C"], c["w"][1]), c["x"] * c["d"][1]))
truth["n5.md"] = t

t = {"1": DEF, "2": DEF, "3": DEF, "4": DEF}
t["5"] = tv(generic(lambda c, l: (c["dC_da"](l), c["w"][l + 1] * c["d"][l + 1]), Ls=range(2, 5), lrange=below_top))
t["6"] = tv(generic(lambda c, l: (c["d"][l], c["w"][l + 1] * c["d"][l + 1] * dsig(c["z"][l + 1])), Ls=range(2, 5), lrange=below_top))
t["7"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["w"][l]), c["a"][l - 1] * dsig(c["z"][l]) * c["w"][l + 1] * c["d"][l + 1]), Ls=range(2, 5), lrange=below_top))
t["8"] = tv(generic(lambda c, l: (sp.diff(c["C"], c["w"][c["L"]]), (c["a"][c["L"]] - c["y"]) * c["a"][c["L"] - 1]), lrange=lambda L: [L]))
truth["n6.md"] = t

c = chain(2, cost="quad")
t = {str(k): DEF for k in range(1, 6)}
t["6"] = tv(equal(c["d"][2], (c["a"][2] - c["y"]) * dsig(c["z"][2])))
t["7"] = tv(equal(c["d"][1], c["w"][1] * c["d"][2] * dsig(c["z"][1])))
t["8"] = tv(equal(sp.diff(c["C"], c["b"][1]), c["d"][1]))
t["9"] = tv(equal(sp.diff(c["C"], c["w"][2]), c["a"][1] * c["d"][2]))
truth["n7.md"] = t

# ---------------------------------------------------------------- Ng style
t0, t1, t2 = S("theta0"), S("theta1"), S("theta2")

def data(n, *names):
    return [[S(f"{nm}{i}") for i in range(1, n + 1)] for nm in names]

def J_lin(n):
    X, Y = data(n, "x", "y")
    h = [t0 + t1 * X[i] for i in range(n)]
    J = sum((h[i] - Y[i]) ** 2 for i in range(n)) / (2 * n)
    return X, Y, h, J

t = {"1": DEF, "2": DEF, "5": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t0), sum(h[i] - Y[i] for i in range(n)) / n))(*J_lin(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t1), sum((h[i] - Y[i]) * X[i] for i in range(n)) / n))(*J_lin(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t1, 2), sum(X[i] ** 2 for i in range(n)) / n))(*J_lin(n))))
truth["g1.md"] = t

def J_log(n):
    X, Y = data(n, "x", "y")
    h = [1 / (1 + sp.exp(-(t0 + t1 * X[i]))) for i in range(n)]
    J = -sum(Y[i] * sp.log(h[i]) + (1 - Y[i]) * sp.log(1 - h[i]) for i in range(n)) / n
    return X, Y, h, J

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t1), sum((h[i] - Y[i]) * X[i] for i in range(n)) / n))(*J_log(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t0), sum(Y[i] - h[i] for i in range(n)) / n))(*J_log(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, h, J: (sp.diff(J, t0, t1), sum(h[i] * (1 - h[i]) * X[i] for i in range(n)) / n))(*J_log(n))))
truth["g2.md"] = t

def J_mv(n):
    X1, X2, Y = data(n, "x1_", "x2_", "y")
    h = [t0 + t1 * X1[i] + t2 * X2[i] for i in range(n)]
    J = sum((h[i] - Y[i]) ** 2 for i in range(n)) / (2 * n)
    return X1, X2, Y, h, J

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X1, X2, Y, h, J: (sp.diff(J, t2), sum((h[i] - Y[i]) * X2[i] for i in range(n)) / n))(*J_mv(n))))
t["4"] = tv(allN(lambda n: (lambda X1, X2, Y, h, J: (sp.diff(J, t1), sum((h[i] - Y[i]) * X1[i] for i in range(n)) / (2 * n)))(*J_mv(n))))
t["5"] = tv(allN(lambda n: (lambda X1, X2, Y, h, J: (sp.diff(J, t0), sum((h[i] - Y[i]) * X1[i] for i in range(n)) / n))(*J_mv(n))))
t["6"] = tv(allN(lambda n: (lambda X1, X2, Y, h, J: (sp.diff(J, t1, t2), sum(X1[i] * X2[i] for i in range(n)) / n))(*J_mv(n))))
truth["g3.md"] = t

def J_or(n):
    X, Y = data(n, "x", "y")
    J = sum((t1 * X[i] - Y[i]) ** 2 for i in range(n)) / (2 * n)
    return X, Y, J

t = {"1": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, J: (sp.diff(J, t1), t1 / n * sum(x_ ** 2 for x_ in X) - sum(X[i] * Y[i] for i in range(n)) / n))(*J_or(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, J: (sp.diff(J, t1, 2), sum(x_ ** 2 for x_ in X) / n))(*J_or(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, J: (sp.diff(J, t1), sum((t1 * X[i] - Y[i]) ** 2 * X[i] for i in range(n)) / n))(*J_or(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, J: (J.subs(t1, 0), sum(y_ ** 2 for y_ in Y) / (2 * n)))(*J_or(n))))
truth["g4.md"] = t

# ---------------------------------------------------------------- pair sums
def pairs_lt(n):
    return [(i, j) for j in range(n) for i in range(n) if i < j]

def pairs_ne(n):
    return [(i, j) for i in range(n) for j in range(n) if i != j]

def P(n):
    X, Y = data(n, "x", "y")
    return X, Y, sum(X) / n, sum(Y) / n

t = {"1": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum((x_ - xb) ** 2 for x_ in X), sum(x_ ** 2 for x_ in X) - n * xb ** 2))(*P(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum((x_ - xb) ** 2 for x_ in X) / n, sum((X[i] - X[j]) ** 2 for i in range(n) for j in range(n)) / (2 * n ** 2)))(*P(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum((X[i] - X[j]) ** 2 for i, j in pairs_lt(n)), n * sum(x_ ** 2 for x_ in X) - sum(X) ** 2))(*P(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(X[i] * X[j] for i, j in pairs_ne(n)), sum(X) ** 2 - sum(x_ ** 2 for x_ in X)))(*P(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(X[i] * X[j] for i, j in pairs_lt(n)), sum(X) ** 2 - sum(x_ ** 2 for x_ in X)))(*P(n))))
truth["p1.md"] = t

w, b = S("w"), S("b")
def rank(n):
    X, Y = data(n, "x", "y")
    r = lambda i, j: w * (X[i] - X[j]) - (Y[i] - Y[j])
    C = sum(r(i, j) ** 2 for i, j in pairs_lt(n))
    return X, Y, r, C

t = {"1": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), 2 * sum(r(i, j) * (X[i] - X[j]) for i, j in pairs_lt(n))))(*rank(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w, 2), 2 * sum((X[i] - X[j]) ** 2 for i, j in pairs_lt(n))))(*rank(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), sum(r(i, j) * (X[i] - X[j]) for i, j in pairs_ne(n))))(*rank(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), 2 * sum(r(i, j) * (X[i] - X[j]) for i, j in pairs_ne(n))))(*rank(n))))
truth["p2.md"] = t

mu = S("mu")
def Vf(n):
    X, Y, xb, yb = P(n)
    return X, xb, sum((x_ - mu) ** 2 for x_ in X) / n

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, xb, V: (sp.diff(V, mu), -sp.Rational(2) / n * sum(x_ - mu for x_ in X)))(*Vf(n))))
t["4"] = tv(allN(lambda n: (lambda X, xb, V: (sp.diff(V, mu), 2 * (mu - xb)))(*Vf(n))))
t["5"] = tv(allN(lambda n: (lambda X, xb, V: (sp.diff(V, mu, 2), sp.Integer(2)))(*Vf(n))))
t["6"] = tv(allN(lambda n: (lambda X, xb, V: (sum((X[i] - X[j]) ** 2 for i, j in pairs_ne(n)), 2 * n * sum(x_ ** 2 for x_ in X) - 2 * sum(X) ** 2))(*Vf(n))))
t["7"] = tv(allN(lambda n: (lambda X, xb, V: (sum((X[i] - X[j]) ** 2 for i, j in pairs_lt(n)), 2 * n * sum(x_ ** 2 for x_ in X) - 2 * sum(X) ** 2))(*Vf(n))))
truth["p3.md"] = t

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(x_ - xb for x_ in X), sp.Integer(0)))(*P(n))))
cov = lambda X, Y, xb, yb, n: sum((X[i] - xb) * (Y[i] - yb) for i in range(n))
t["4"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (cov(X, Y, xb, yb, n), sum(X[i] * Y[i] for i in range(n)) - n * xb * yb))(*P(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (cov(X, Y, xb, yb, n), sum(X[i] * Y[i] for i in range(n)) - xb * sum(Y)))(*P(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (cov(X, Y, xb, yb, n) / n, sum((X[i] - X[j]) * (Y[i] - Y[j]) for i, j in pairs_lt(n)) / n ** 2))(*P(n))))
t["7"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (cov(X, Y, xb, yb, n) / n, sum((X[i] - X[j]) * (Y[i] - Y[j]) for i, j in pairs_lt(n)) / (2 * n ** 2)))(*P(n))))
truth["p4.md"] = t

def Sf(n):
    X, Y, xb, yb = P(n)
    return X, xb, sum((x_ - xb) ** 2 for x_ in X)

def every_k(f):
    def claim(n):
        pass
    ok = True
    for n in range(1, 5):
        for k in range(n):
            l, r = f(n, k)
            ok &= equal(l, r)
    return ok

t = {"1": DEF, "2": DEF}
t["3"] = tv(every_k(lambda n, k: (lambda X, xb, S_: (sp.diff(xb, X[k]), sp.Rational(1, n)))(*Sf(n))))
t["4"] = tv(every_k(lambda n, k: (lambda X, xb, S_: (sp.diff(S_, X[k]), 2 * (X[k] - xb)))(*Sf(n))))
t["5"] = tv(every_k(lambda n, k: (lambda X, xb, S_: (sp.diff(S_, X[k]), 2 * (X[k] - xb) * (1 - sp.Rational(1, n))))(*Sf(n))))
t["6"] = tv(allN(lambda n: (lambda X, xb, S_: (S_, sum((X[i] - X[j]) ** 2 for i, j in pairs_lt(n)) / n))(*Sf(n))))
truth["p5.md"] = t

# ---------------------------------------------------------------- cross-entropy
z = S("z")
def CE(n, bias=True):
    X, Y = data(n, "x", "y")
    A = [sig(w * X[i] + (b if bias else 0)) for i in range(n)]
    C = -sum(Y[i] * sp.log(A[i]) + (1 - Y[i]) * sp.log(1 - A[i]) for i in range(n)) / n
    return X, Y, A, C

t = {"1": DEF, "2": DEF}
t["3"] = "restated:" + tv(equal(sig(z), sp.exp(z) / (1 + sp.exp(z))))
t["4"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((A[i] - Y[i]) * X[i] for i in range(n)) / n))(*CE(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, b), sum(A[i] - Y[i] for i in range(n)) / n))(*CE(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((A[i] - Y[i]) * A[i] * (1 - A[i]) * X[i] for i in range(n)) / n))(*CE(n))))
truth["c1.md"] = t

a_, y_ = S("a"), S("y")
ell_a = -y_ * sp.log(a_) - (1 - y_) * sp.log(1 - a_)
t = {"1": DEF, "2": DEF}
t["3"] = tv(equal(sp.diff(ell_a, a_), -y_ / a_ + (1 - y_) / (1 - a_), avoid=lambda s_: 0 < s_.get(a_, sp.Rational(1, 2)) < 1 or True))
ell_z = ell_a.subs(a_, sig(z))
t["4"] = tv(equal(sp.diff(ell_z, z), sig(z) - y_))
t["5"] = tv(equal(sp.diff(ell_z, z), (sig(z) - y_) * sig(z) * (1 - sig(z))))
t["6"] = "restated:" + tv(equal(sig(z), 1 / (1 + sp.exp(-z))))
truth["c2.md"] = t

t = {}
t["1"] = tv(equal(sp.log(sig(z)), -sp.log(1 + sp.exp(-z))))
t["2"] = tv(equal(sp.diff(sp.log(sig(z)), z), 1 - sig(z)))
t["3"] = tv(equal(sp.diff(sp.log(1 - sig(z)), z), -sig(z)))
t["4"] = tv(equal(sp.log(1 - sig(z)), sp.log(sig(z)) - z))
t["5"] = tv(equal(sp.diff(sig(z), z), sig(z) * sig(-z)))
t["6"] = tv(equal(sp.diff(sp.log(sig(z)), z), sig(z)))
truth["c3.md"] = t

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((A[i] - Y[i]) * X[i] for i in range(n)) / n))(*CE(n, False))))
t["4"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w, 2), sum(A[i] * (1 - A[i]) * X[i] ** 2 for i in range(n)) / n))(*CE(n, False))))
t["5"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w, 2), sum(A[i] * (1 - A[i]) * X[i] for i in range(n)) / n))(*CE(n, False))))
# (6): per-sample derivative with a_i as a free value
def c4_6():
    ok = True
    for n in range(1, 5):
        Y = data(n, "y")[0]
        Av = [S(f"a{i}") for i in range(1, n + 1)]
        C = -sum(Y[i] * sp.log(Av[i]) + (1 - Y[i]) * sp.log(1 - Av[i]) for i in range(n)) / n
        for k in range(n):
            ok &= equal(sp.diff(C, Av[k]), -(Y[k] / Av[k] - (1 - Y[k]) / (1 - Av[k])) / n)
    return ok
t["6"] = tv(c4_6())
truth["c4.md"] = t

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((A[i] - Y[i]) * X[i] for i in range(n)) / n))(*CE(n, False))))
t["4"] = "restated:" + tv(equal(sig(z), 1 / (1 + sp.exp(z))))
t["5"] = t["3"]
truth["c5.md"] = t

# ---------------------------------------------------------------- regularised / piecewise
lam, eta, k_ = S("lam"), S("eta"), S("k")
def ridge(n):
    X, Y = data(n, "x", "y")
    r = [w * X[i] + b - Y[i] for i in range(n)]
    return X, Y, r, sum(r_ ** 2 for r_ in r) / n + lam * w ** 2

t = {"1": DEF, "5": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), 2 * sum(r[i] * X[i] for i in range(n)) / n + 2 * lam * w))(*ridge(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, b), 2 * sum(r) / n + 2 * lam * b))(*ridge(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w, 2), 2 * sum(x_ ** 2 for x_ in X) / n + 2 * lam))(*ridge(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), 2 * sum(r[i] * X[i] for i in range(n)) / n + lam * w))(*ridge(n))))
truth["r1.md"] = t

wr = S("w", real=True)
def lasso(n):
    X, Y = [[S(f"{nm}{i}", real=True) for i in range(1, n + 1)] for nm in ("x", "y")]
    r = [wr * X[i] - Y[i] for i in range(n)]
    return X, Y, r, sum(r_ ** 2 for r_ in r) / (2 * n) + lam * sp.Abs(wr), sum(sp.Abs(r_) for r_ in r) / n

t = {"1": DEF, "4": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, r, C, E: (sp.diff(C, wr), sum(r[i] * X[i] for i in range(n)) / n + lam * sp.sign(wr)))(*lasso(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, r, C, E: (sp.diff(C, wr), sum(r[i] * X[i] for i in range(n)) / n + lam))(*lasso(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, r, C, E: (sp.diff(E, wr), sum(sp.sign(r[i]) * X[i] for i in range(n)) / n))(*lasso(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, r, C, E: (sp.diff(E, wr), sum(sp.sign(r[i]) for i in range(n)) / n))(*lasso(n))))
truth["r2.md"] = t

zr, br = S("z", real=True), S("b", real=True)
ind = lambda e: sp.Heaviside(e)  # random points never hit the kink
def relu(n):
    X, Y = [[S(f"{nm}{i}", real=True) for i in range(1, n + 1)] for nm in ("x", "y")]
    u = [wr * X[i] + br for i in range(n)]
    return X, Y, u, sum((sp.Max(0, u_) - Y[i]) ** 2 for i, u_ in enumerate(u)) / n

t = {"1": DEF, "3": DEF}
t["2"] = tv(equal(sp.diff(sp.Max(0, zr), zr), ind(zr)))
t["4"] = tv(allN(lambda n: (lambda X, Y, u, C: (sp.diff(C, wr), 2 * sum((sp.Max(0, u[i]) - Y[i]) * ind(u[i]) * X[i] for i in range(n)) / n))(*relu(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, u, C: (sp.diff(C, br), 2 * sum(sp.Max(0, u[i]) - Y[i] for i in range(n)) / n))(*relu(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, u, C: (sp.diff(C, br), 2 * sum((sp.Max(0, u[i]) - Y[i]) * ind(u[i]) for i in range(n)) / n))(*relu(n))))
truth["r3.md"] = t

rr, kp = S("r", real=True), S("k", positive=True)
H = sp.Piecewise((rr ** 2 / 2, sp.Abs(rr) <= kp), (kp * sp.Abs(rr) - kp ** 2 / 2, True))
t = {"1": DEF}
t["2"] = tv(equal(sp.diff(H, rr), sp.Piecewise((rr, sp.Abs(rr) <= kp), (kp * sp.sign(rr), True)), pos=(kp,)))
t["3"] = tv(equal(sp.diff(H, rr), sp.Piecewise((rr, sp.Abs(rr) <= kp), (kp, True)), pos=(kp,)))
t["4"] = tv(equal(sp.diff(H, rr, 2), sp.Piecewise((1, sp.Abs(rr) < kp), (0, True)), pos=(kp,), avoid=lambda s_: abs(s_[rr]) != s_[kp]))
truth["r4.md"] = t

# ---------------------------------------------------------------- misc
def tanhm(n):
    X, Y = data(n, "x", "y")
    A = [sp.tanh(w * X[i] + b) for i in range(n)]
    return X, Y, A, sum((A[i] - Y[i]) ** 2 for i in range(n)) / (2 * n)

t = {"1": DEF, "2": DEF}
t["3"] = tv(equal(sp.diff(sp.tanh(z), z), 1 - sp.tanh(z) ** 2))
t["4"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((A[i] - Y[i]) * (1 - A[i] ** 2) * X[i] for i in range(n)) / n))(*tanhm(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, b), sum((A[i] - Y[i]) * (1 - A[i]) ** 2 for i in range(n)) / n))(*tanhm(n))))
t["6"] = tv(equal(sp.tanh(z), 2 * sig(2 * z) - 1))
truth["m1.md"] = t

s_ = lambda t_: sp.log(1 + sp.exp(t_))
t = {"1": DEF}
t["2"] = tv(equal(sp.diff(s_(z), z), sig(z)))
t["3"] = tv(equal(s_(z) - s_(-z), z))
t["4"] = tv(equal(sp.diff(s_(z), z), 1 / (1 + sp.exp(z))))
t["5"] = tv(equal(sp.diff(s_(z), z, 2), sig(z) * (1 - sig(z))))
truth["m2.md"] = t

wp = S("w", positive=True)
def expo(n):
    X, Y = data(n, "x", "y")
    Yp = [S(f"y{i}", positive=True) for i in range(1, n + 1)]
    C = sum((w * sp.exp(b * X[i]) - Y[i]) ** 2 for i in range(n)) / n
    E = sum((sp.log(wp) + b * X[i] - sp.log(Yp[i])) ** 2 for i in range(n)) / n
    return X, Y, Yp, C, E

t = {"1": DEF, "5": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, Yp, C, E: (sp.diff(C, w), 2 * sum((w * sp.exp(b * X[i]) - Y[i]) * sp.exp(b * X[i]) for i in range(n)) / n))(*expo(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, Yp, C, E: (sp.diff(C, b), 2 * sum((w * sp.exp(b * X[i]) - Y[i]) * w * X[i] * sp.exp(b * X[i]) for i in range(n)) / n))(*expo(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, Yp, C, E: (sp.diff(C, b), 2 * sum((w * sp.exp(b * X[i]) - Y[i]) * w * sp.exp(b * X[i]) for i in range(n)) / n))(*expo(n))))
t["6"] = tv(allN(lambda n: (lambda X, Y, Yp, C, E: (sp.diff(E, wp), 2 / (n * wp) * sum(sp.log(wp) + b * X[i] - sp.log(Yp[i]) for i in range(n))))(*expo(n))))
truth["m3.md"] = t

h = S("h")
Cw = lambda v: (v - 3) ** 2 + v ** 3
dC = sp.diff(Cw(w), w)
t = {"1": DEF}
t["2"] = tv(equal(dC, 2 * (w - 3) + 3 * w ** 2))
t["3"] = tv(sp.simplify(sp.limit((Cw(w + h) - Cw(w - h)) / (2 * h), h, 0) - dC) == 0)
t["4"] = tv(sp.simplify(sp.limit((Cw(w + h) - Cw(w - h)) / h, h, 0) - dC) == 0)
t["5"] = tv(sp.simplify(sp.limit((Cw(w + h) - 2 * Cw(w) + Cw(w - h)) / h ** 2, h, 0) - sp.diff(Cw(w), w, 2)) == 0)
t["6"] = tv(abs(sp.N(dsig(0)) - sp.Rational(1, 4)) < 0.005)
t["7"] = tv(dC.subs(w, 1) == -1)
truth["m4.md"] = t

x1, yv = S("x"), S("y")
zz = w * x1 + b
Cm5 = (sig(zz) - yv) ** 2
A = S("A"); Z = S("Z")
t = {"1": DEF, "2": DEF, "3": DEF}
t["4"] = tv(equal(sp.diff((A - yv) ** 2, A).subs(A, sig(zz)), 2 * (sig(zz) - yv)))
t["5"] = tv(equal(sp.diff(sig(Z), Z).subs(Z, zz), sig(zz) * (1 - sig(zz))))
chainprod = sp.diff((A - yv) ** 2, A).subs(A, sig(zz)) * sp.diff(sig(Z), Z).subs(Z, zz) * sp.diff(zz, w)
t["6"] = tv(equal(sp.diff(Cm5, w), chainprod))
t["7"] = tv(equal(sp.diff(Cm5, w), 2 * (sig(zz) - yv) * sig(zz) * (1 - sig(zz)) * x1))
t["8"] = tv(equal(sp.diff(Cm5, b), 2 * (sig(zz) - yv) * sig(zz) * (1 - sig(zz)) * x1))
truth["m5.md"] = t

def pois(n):
    X, Y = data(n, "x", "y")
    Lm = [sp.exp(w * X[i]) for i in range(n)]
    return X, Y, Lm, sum(Lm[i] - Y[i] * w * X[i] for i in range(n)) / n

t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, Lm, C: (sp.diff(C, w), sum((Lm[i] - Y[i]) * X[i] for i in range(n)) / n))(*pois(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, Lm, C: (sp.diff(C, w, 2), sum(Lm[i] * X[i] ** 2 for i in range(n)) / n))(*pois(n))))
t["5"] = tv(allN(lambda n: (lambda X, Y, Lm, C: (sp.diff(C, w), sum(Lm[i] - Y[i] for i in range(n)) / n))(*pois(n))))
truth["m6.md"] = t

# ---------------------------------------------------------------- LaTeX
def ls(n):
    X, Y = data(n, "x", "y")
    r = [w * X[i] + b - Y[i] for i in range(n)]
    return X, Y, r, sum(r_ ** 2 for r_ in r) / n

t = {"1": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, w), 2 * sum(r[i] * X[i] for i in range(n)) / n))(*ls(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, b), 2 * sum(r) / n))(*ls(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, r, C: (sp.diff(C, b), sum(r[i] * X[i] for i in range(n)) / n))(*ls(n))))
truth["l1.tex"] = t

t = {"L1": DEF, "L2": DEF}
t["L3"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, b), sum(A[i] - Y[i] for i in range(n)) / n))(*CE(n))))
t["L4"] = tv(allN(lambda n: (lambda X, Y, A, C: (sp.diff(C, w), sum((Y[i] - A[i]) * X[i] for i in range(n)) / n))(*CE(n))))
t["L5"] = tv(equal(sp.diff(sig(z), z), sig(z) * (1 - sig(z))))
truth["l2.tex"] = t

def spl(n):
    X, Y = data(n, "x", "y")
    return X, Y, sum(sp.log(1 + sp.exp(-Y[i] * w * X[i])) for i in range(n)) / n

t = {"1": DEF}
t["2"] = tv(allN(lambda n: (lambda X, Y, Lo: (sp.diff(Lo, w), -sum(Y[i] * X[i] / (1 + sp.exp(Y[i] * w * X[i])) for i in range(n)) / n))(*spl(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, Lo: (sp.diff(Lo, w), -sum(Y[i] * X[i] * sig(-Y[i] * w * X[i]) for i in range(n)) / n))(*spl(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, Lo: (sp.diff(Lo, w), -sum(Y[i] * X[i] * sig(Y[i] * w * X[i]) for i in range(n)) / n))(*spl(n))))
truth["l3.tex"] = t

def l4(n):
    X, Y = data(n, "x", "y")
    E = sum((sig(w * X[i]) - Y[i]) ** 2 for i in range(n)) / (2 * n)
    return X, Y, E

t = {"1": DEF}
t["line8"] = tv(allN(lambda n: (lambda X, Y, E: (sp.diff(E, w), sum(sp.diff((sig(w * X[i]) - Y[i]) ** 2, w) for i in range(n)) / (2 * n)))(*l4(n))))
t["2"] = tv(allN(lambda n: (lambda X, Y, E: (sp.diff(E, w), sum((sig(w * X[i]) - Y[i]) * dsig(w * X[i]) * X[i] for i in range(n)) / n))(*l4(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, E: (sp.diff(E, w), sum((sig(w * X[i]) - Y[i]) * sig(w * X[i]) * (1 - sig(w * X[i])) for i in range(n)) / n))(*l4(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, E: (sp.diff(E, w), sum((sig(w * X[i]) - Y[i]) * sig(w * X[i]) * (1 - sig(w * X[i])) * X[i] for i in range(n)) / n))(*l4(n))))
truth["l4.tex"] = t


# ---------------------------------------------------------------- probes added later
dl = S("delta", positive=True)
Hd = sp.Piecewise((rr ** 2 / 2, sp.Abs(rr) <= dl), (dl * (sp.Abs(rr) - dl / 2), True))
t = {"1": DEF}
t["2"] = tv(equal(sp.diff(Hd, rr), sp.Piecewise((rr, sp.Abs(rr) <= dl), (dl * sp.sign(rr), True)), pos=(dl,)))
t["3"] = tv(equal(sp.diff(Hd, rr), sp.Piecewise((rr, sp.Abs(rr) <= dl), (dl, True)), pos=(dl,)))
truth["q1.md"] = t

def bits(n):
    X, Y = data(n, "x", "y")
    A = [sig(w * X[i]) for i in range(n)]
    return X, Y, A, -sum(Y[i] * sp.log(A[i], 2) for i in range(n)) / n
t = {"1": DEF, "2": DEF}
t["3"] = tv(allN(lambda n: (lambda X, Y, A, Hh: (sp.diff(Hh, w), -sum(Y[i] * (1 - A[i]) * X[i] for i in range(n)) / (n * sp.log(2))))(*bits(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, A, Hh: (sp.diff(Hh, w), -sum(Y[i] * (1 - A[i]) * X[i] for i in range(n)) / n))(*bits(n))))
truth["q2.md"] = t

c = chain(2, cost="quad")
t = {str(k): DEF for k in range(1, 6)}
t["6"] = tv(equal(sp.diff(c["C"], c["w"][2]), c["d"][2] * c["a"][1]))
t["7"] = tv(equal(c["d"][2], c["a"][2] - c["y"]))
t["8"] = tv(equal(sp.diff(c["C"], c["b"][2]), c["d"][2]))
truth["q3.md"] = t

t = {}
t["1"] = tv(equal(sp.diff(sig(z), z, 2), sig(z) * (1 - sig(z)) * (1 - 2 * sig(z))))
t["2"] = tv(equal(sp.diff(sig(z), z, 2), sig(z) * (1 - sig(z)) ** 2))
t["3"] = tv(equal(sp.diff(sp.tanh(z), z, 2), -2 * sp.tanh(z) * (1 - sp.tanh(z) ** 2)))
t["4"] = tv(equal(sig(-z), 1 - sig(z)))
truth["q4.md"] = t

t = {}
t["1"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(X[i] * X[j] for i in range(n) for j in range(n) if j != i), sum(X) ** 2 - sum(x_ ** 2 for x_ in X)))(*P(n))))
t["2"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum((X[i] - X[j]) ** 2 for i in range(n) for j in range(i + 1, n)), n * sum(x_ ** 2 for x_ in X) - sum(X) ** 2))(*P(n))))
t["3"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(X[i] * X[j] for i in range(n) for j in range(0, i)), sum(X) ** 2 / 2 - sum(x_ ** 2 for x_ in X) / 2))(*P(n))))
t["4"] = tv(allN(lambda n: (lambda X, Y, xb, yb: (sum(X[i] * X[j] for i, j in pairs_lt(n)), sum(X) ** 2))(*P(n))))
truth["q5.md"] = t

t = {}
t["1"] = tv(equal(sp.diff(sp.tanh(z) ** 2, z), 2 * sp.tanh(z) * (1 - sp.tanh(z) ** 2)))
t["2"] = t["1"]
t["3"] = tv(equal(sp.diff(sp.tanh(z) ** 2, z), 2 * (1 - sp.tanh(z) ** 2) * sp.tanh(z)))
t["4"] = tv(equal(sp.diff(sp.log(1 + sp.exp(z)), z), sp.exp(z) / (1 + sp.exp(z))))
t["5"] = tv(equal(sp.diff(sig(z) ** 2, z), 2 * sig(z) * (1 - sig(z)) * sig(z)))
truth["q6.md"] = t

json.dump(truth, open("truth.json", "w"), indent=1, sort_keys=True)  # converted to *.truth.json when copied here
for d, tt in sorted(truth.items()):
    print(d, tt)
