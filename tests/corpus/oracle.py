#!/usr/bin/env python3
"""Independent truth oracle for the derivation corpus in this folder.

It does NOT import symgrad.  Every numbered equation of every document is translated by hand
into plain SymPy below (one ``build_*`` function per document).  A claim ``L = R`` is decided by
expanding every sum at concrete sizes (n = 1 ... 6 and 10; for the layer-chain documents the
depth L = 2 ... 6) and comparing both sides at exact random rationals of both signs (evaluated to
60 significant digits), 4 trials per size.  For true claims a symbolic check (``simplify`` of
the difference at one concrete size) is also attempted and reported on stdout.

* A step written ``= ...`` is encoded as (LEFT side of the chain) = (this right side).
* ``a = b = c`` on one line is encoded as two pairs, both must hold.
* A claim with a free index (``\\partial C / \\partial w_j``, ``\\delta^l``) is encoded as one
  pair per value of the index, all must hold.
* Definitions, update rules, ``\\approx`` lines and the limit definition of a derivative are
  structural: stated, not computed.
* ``conditional``: the claim is checked on a restricted domain (where it must hold in every
  trial) and on the document's full domain (where it must fail in some trial).  A side that is
  not a real number (e.g. the log of a negative number) counts as "does not hold".

Each claim also carries the truth the corpus author intended; if the computation disagrees the
oracle stops with an error, so a slip in either the document or the translation is caught.

    python tests/corpus/oracle.py            # regenerate every <doc>.truth.json
    python tests/corpus/oracle.py --check    # exit 1 if any truth file is out of date
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import zlib
from pathlib import Path

import sympy as sp

HERE = Path(__file__).resolve().parent
SIZES = (1, 2, 3, 4, 5, 6, 10)
DEPTHS = (2, 3, 4, 5, 6)
TRIALS = 4
DIGITS = 60
TOL = sp.Float("1e-40", DIGITS)

exp, log, tanh, cosh, Abs, sign = sp.exp, sp.log, sp.tanh, sp.cosh, sp.Abs, sp.sign
D = sp.diff
half = sp.Rational(1, 2)


def sig(z):
    return 1 / (1 + sp.exp(-z))


def sigp(z):  # the true derivative of the sigmoid
    return sig(z) * (1 - sig(z))


def softplus(z):
    return sp.log(1 + sp.exp(z))


def relu(z):
    return sp.Max(0, z)


def ind(z):  # the indicator 1[z > 0]
    return sp.Heaviside(z)


def sech(z):
    return 1 / sp.cosh(z)


def R(p, q=1):
    return sp.Rational(p, q)


# --------------------------------------------------------------------------------------------
# the size context: symbols, families, sums


class Ctx:
    def __init__(self, n: int):
        self.n = n

    @staticmethod
    def P(names: str):
        syms = [sp.Symbol(s, real=True) for s in names.split()]
        return syms[0] if len(syms) == 1 else syms

    @staticmethod
    def F(base: str):
        return lambda *idx: sp.Symbol(base + "".join(f"_{k}" for k in idx), real=True)

    def S(self, f, lo=1, hi=None):
        hi = self.n if hi is None else hi
        return sp.Add(*[f(i) for i in range(lo, hi + 1)])

    def mean(self, f):
        return self.S(f) / self.n

    def each(self, f, lo=1, hi=None):
        """One pair per sample index i (a claim with a free sample index)."""
        hi = self.n if hi is None else hi
        return [f(i) for i in range(lo, hi + 1)]


# --------------------------------------------------------------------------------------------
# the documents: expected truths and hand translations

DEF, UPD, APPROX = "definition", "update", "approximation"
DOCS: dict[str, dict] = {}


def doc(name, file, style, expect, domains=None, sizes=SIZES, conditional=None):
    def register(build):
        DOCS[name] = dict(file=file, style=style, expect=expect, domains=domains or {},
                          sizes=sizes, conditional=conditional or {}, build=build)
        return build
    return register


def T(note=None):
    return ("true", note)


def Fl(note):
    return ("false", note)


def Cnd(note):
    return ("conditional", note)


def S_(kind, note=None):
    return (kind, note)


# 1 ------------------------------------------------------------------------------------------
@doc("logreg_hw1", "logreg_hw1.md", "logistic regression homework (Markdown, \\tag)", {
    "1": S_(DEF), "2": S_(DEF, "a_i = \\sigma(z_i) = 1/(1+e^{-z_i}): defines a_i; the second equality is the sigmoid's definition"),
    "3": S_(DEF), "4": T(), "5": T("derivative with respect to one sample's a_i"),
    "6": T(), "7": T("step: judged as dC/dw of (6)"),
    "8": Fl("the x_i of dC/dw is reused for dC/db"), "9": S_(UPD), "10": T(),
}, domains={"y": "unit", "A": "unit", "Y": "unit"})
def build_logreg_hw1(c):
    w, b, zz, A, Y = c.P("w b zz A Y")
    x, y = c.F("x"), c.F("y")
    a = lambda i: sig(w * x(i) + b)
    C = -c.mean(lambda i: y(i) * log(a(i)) + (1 - y(i)) * log(1 - a(i)))
    g = c.mean(lambda i: (a(i) - y(i)) * x(i))
    return {
        "4": (D(sig(zz), zz), sig(zz) * (1 - sig(zz))),
        "5": (D(Y * log(A) + (1 - Y) * log(1 - A), A), Y / A - (1 - Y) / (1 - A)),
        "6": (D(C, w), -c.mean(lambda i: (y(i) / a(i) - (1 - y(i)) / (1 - a(i))) * a(i) * (1 - a(i)) * x(i))),
        "7": (D(C, w), g),
        "8": (D(C, b), g),
        "10": (D(C, w, 2), c.mean(lambda i: a(i) * (1 - a(i)) * x(i) ** 2)),
    }


# 2 ------------------------------------------------------------------------------------------
@doc("logreg_hw2", "logreg_hw2.md", "logistic regression homework (hat y, log, N, beta_0/beta_1, (k) numbering)", {
    "1": S_(DEF), "2": S_(DEF), "3": T("holds for every sample i"),
    "4": Fl("wrong sigma': yhat(1 + yhat) instead of yhat(1 - yhat)"),
    "5": T(), "6": T("step: judged as dL/dbeta_1"), "7": Fl("sign error: should be sum(yhat_i - y_i)"),
    "8": T(), "9": T(),
}, domains={"y": "unit"})
def build_logreg_hw2(c):
    b0, b1 = c.P("beta0 beta1")
    x, y = c.F("x"), c.F("y")
    yh = lambda i: sig(b0 + b1 * x(i))
    L = -c.S(lambda i: y(i) * log(yh(i)) + (1 - y(i)) * log(1 - yh(i)))
    return {
        "3": c.each(lambda i: (D(yh(i), b1), yh(i) * (1 - yh(i)) * x(i))),
        "4": c.each(lambda i: (D(yh(i), b0), yh(i) * (1 + yh(i)))),
        "5": (D(L, b1), -c.S(lambda i: (y(i) / yh(i) - (1 - y(i)) / (1 - yh(i))) * yh(i) * (1 - yh(i)) * x(i))),
        "6": (D(L, b1), c.S(lambda i: (yh(i) - y(i)) * x(i))),
        "7": (D(L, b0), c.S(lambda i: y(i) - yh(i))),
        "8": (D(L, b1, 2), c.S(lambda i: yh(i) * (1 - yh(i)) * x(i) ** 2)),
        "9": (D(L, b0, b1), c.S(lambda i: yh(i) * (1 - yh(i)) * x(i))),
    }


# 3 ------------------------------------------------------------------------------------------
@doc("logreg_regularized", "logreg_regularized.tex", "logistic regression homework (LaTeX, L2 penalty, m examples, theta)", {
    "1": S_(DEF), "2": S_(DEF), "3": T("log(1 - sigma(u)) = log sigma(-u)"), "4": T(),
    "5": Fl("sign error: d/dtheta log(1 - yhat_i) = -yhat_i x_i"),
    "6": T(), "7": T("step: judged as dJ/dtheta"),
    "8": Fl("the lambda/m of the penalty is dropped"), "9": S_(UPD),
}, domains={"y": "unit", "lam": "pos"})
def build_logreg_regularized(c):
    th, lam = c.P("theta lam")
    x, y = c.F("x"), c.F("y")
    m = c.n
    yh = lambda i: sig(th * x(i))
    J = -c.mean(lambda i: y(i) * log(yh(i)) + (1 - y(i)) * log(1 - yh(i))) + lam / (2 * m) * th ** 2
    return {
        "3": c.each(lambda i: (log(1 - yh(i)), log(sig(-th * x(i))))),
        "4": c.each(lambda i: (D(log(yh(i)), th), (1 - yh(i)) * x(i))),
        "5": c.each(lambda i: (D(log(1 - yh(i)), th), yh(i) * x(i))),
        "6": (D(J, th), -c.mean(lambda i: (y(i) * (1 - yh(i)) - (1 - y(i)) * yh(i)) * x(i)) + lam / m * th),
        "7": (D(J, th), c.mean(lambda i: (yh(i) - y(i)) * x(i)) + lam / m * th),
        "8": (D(J, th, 2), c.mean(lambda i: yh(i) * (1 - yh(i)) * x(i) ** 2)),
    }


# 4 ------------------------------------------------------------------------------------------
@doc("ridge_blog_part2", "ridge_blog_part2.md", "ridge-regression blog post (lambda w^2, J'(w), ||w||^2 scalar, \\qquad (k))", {
    "1": S_(DEF), "2": T(), "3": T(), "4": T(),
    "5": S_(DEF, "names the closed form; it is NOT the zero of (4): with the 1/n in J the denominator must be sum x_i^2 + n*lambda"),
    "6": S_(UPD), "7": Fl("the penalty's 2 is dropped: J'' = 2/n sum x_i^2 + 2 lambda"),
    "8": S_(DEF), "9": T(),
    "10": Cnd("lambda ||w|| = lambda |w| equals the true lambda w only for w >= 0"),
}, domains={"lam": "pos"}, conditional={"10": {"w": "pos"}})
def build_ridge_blog_part2(c):
    w, lam = c.P("w lam")
    x, y = c.F("x"), c.F("y")
    n = c.n
    data = c.mean(lambda i: (y(i) - w * x(i)) ** 2)
    J = data + lam * w ** 2
    J2 = c.S(lambda i: (y(i) - w * x(i)) ** 2) / (2 * n) + lam / 2 * w ** 2
    g = -R(2) / n * c.S(lambda i: (y(i) - w * x(i)) * x(i))
    return {
        "2": (D(data, w), g),
        "3": (D(lam * w ** 2, w), 2 * lam * w),
        "4": (D(J, w), g + 2 * lam * w),
        "7": (D(J, w, 2), R(2) / n * c.S(lambda i: x(i) ** 2) + lam),
        "9": (D(J2, w), c.mean(lambda i: (w * x(i) - y(i)) * x(i)) + lam * w),
        "10": (D(lam / 2 * w ** 2, w), lam * Abs(w)),
    }


# 5 ------------------------------------------------------------------------------------------
@doc("ridge_intercept_blog", "ridge_intercept_blog.md", "ridge-regression blog post (intercept beta_0 unpenalised, N, no 1/N)", {
    "1": S_(DEF), "2": T(), "3": Fl("the penalty's 2 is dropped: + 2 lambda beta_1"),
    "4": T(), "5": T(), "6": T(), "7": S_(UPD),
    "8": T("derivative of the explicitly written penalised objective"),
}, domains={"lam": "pos"})
def build_ridge_intercept_blog(c):
    b0, b1, lam = c.P("beta0 beta1 lam")
    x, y = c.F("x"), c.F("y")
    r = lambda i: y(i) - b0 - b1 * x(i)
    L = c.S(lambda i: r(i) ** 2) + lam * b1 ** 2
    L8 = c.S(lambda i: r(i) ** 2) + lam * (b0 ** 2 + b1 ** 2)
    return {
        "2": (D(L, b0), -2 * c.S(r)),
        "3": (D(L, b1), -2 * c.S(lambda i: r(i) * x(i)) + lam * b1),
        "4": (D(L, b1, 2), 2 * c.S(lambda i: x(i) ** 2) + 2 * lam),
        "5": (D(L, b0, b1), 2 * c.S(x)),
        "6": (D(L, b0, 2), 2 * c.n),
        "8": (D(L8, b0), -2 * c.S(r) + 2 * lam * b0),
    }


# 6 ------------------------------------------------------------------------------------------
@doc("tanh_neuron", "tanh_neuron.tex", "tanh neuron in LaTeX (\\newcommand, \\def, align, \\label, \\nonumber)", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T(), "5": T(),
    "6": Fl("wrong tanh': (1 - a_i)^2 instead of 1 - a_i^2"), "7": T("sech^2 = 1 - tanh^2"),
    "8": S_(UPD, "align: the w row is numbered (8), the b row is \\nonumber"),
    "9": T("dC/dw at w = b = 0"),
})
def build_tanh_neuron(c):
    w, b, Z = c.P("w b Z")
    x, y = c.F("x"), c.F("y")
    z = lambda i: w * x(i) + b
    a = lambda i: tanh(z(i))
    C = c.S(lambda i: (a(i) - y(i)) ** 2) / (2 * c.n)
    dw = D(C, w)
    return {
        "4": (D(tanh(Z), Z), 1 - tanh(Z) ** 2),
        "5": (dw, c.mean(lambda i: (a(i) - y(i)) * (1 - a(i) ** 2) * x(i))),
        "6": (D(C, b), c.mean(lambda i: (a(i) - y(i)) * (1 - a(i)) ** 2)),
        "7": (dw, c.mean(lambda i: (tanh(z(i)) - y(i)) * sech(z(i)) ** 2 * x(i))),
        "9": (dw.xreplace({w: 0, b: 0}), -c.mean(lambda i: y(i) * x(i))),
    }


# 7 ------------------------------------------------------------------------------------------
@doc("tanh_unit_notes", "tanh_unit_notes.tex", "tanh neuron in LaTeX (\\def\\act, \\mathcal{L}, \\eqref, unhalved MSE)", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T("derivative with respect to one sample's h_i"),
    "5": Fl("missing chain-rule factor x_i"), "6": T(),
    "7": Fl("wrong tanh': (1 + h_i^2) instead of (1 - h_i^2)"), "8": T(), "9": T(),
})
def build_tanh_unit_notes(c):
    w, b, U = c.P("w b U")
    x, y, H = c.F("x"), c.F("y"), c.F("H")
    h = lambda i: tanh(w * x(i) + b)
    L = c.mean(lambda i: (h(i) - y(i)) ** 2)
    LH = c.mean(lambda i: (H(i) - y(i)) ** 2)
    return {
        "3": (D(tanh(U), U), 1 - tanh(U) ** 2),
        "4": c.each(lambda i: (D(LH, H(i)), R(2) / c.n * (H(i) - y(i)))),
        "5": c.each(lambda i: (D(h(i), w), 1 - h(i) ** 2)),
        "6": (D(L, w), R(2) / c.n * c.S(lambda i: (h(i) - y(i)) * (1 - h(i) ** 2) * x(i))),
        "7": (D(L, b), R(2) / c.n * c.S(lambda i: (h(i) - y(i)) * (1 + h(i) ** 2))),
        "8": (D(L, b, 2), R(2) / c.n * c.S(lambda i: (1 - h(i) ** 2) ** 2 - 2 * h(i) * (h(i) - y(i)) * (1 - h(i) ** 2))),
        "9": (D(L, w).xreplace({w: 0, b: 0}), -R(2) / c.n * c.S(lambda i: y(i) * x(i))),
    }


# layer chains (Nielsen's notation, one neuron per layer) -------------------------------------
class Chain:
    def __init__(self, L, act, cost):
        self.L, self.act, self.cost = L, act, cost
        self.W = [None] + [sp.Symbol(f"w{l}", real=True) for l in range(1, L + 1)]
        self.B = [None] + [sp.Symbol(f"b{l}", real=True) for l in range(1, L + 1)]
        self.x, self.y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
        self.z, self.a = self.forward()
        self.C = cost(self.a[L], self.y)

    def forward(self, cut=None, Z=None):
        a, z = [self.x], [None]
        for l in range(1, self.L + 1):
            zl = self.W[l] * a[l - 1] + self.B[l]
            if l == cut:
                zl = Z
            z.append(zl)
            a.append(self.act(zl))
        return z, a

    def delta(self, l):
        """delta^l = dC_x / dz^l, by cutting the chain at z^l."""
        Z = sp.Symbol("Zcut", real=True)
        _, a = self.forward(cut=l, Z=Z)
        return D(self.cost(a[self.L], self.y), Z).xreplace({Z: self.z[l]})


def quad(aL, y):
    return half * (aL - y) ** 2


def xent(aL, y):
    return -(y * log(aL) + (1 - y) * log(1 - aL))


# 8 ------------------------------------------------------------------------------------------
@doc("nielsen_backprop_chain", "nielsen_backprop_chain.md", "back-propagation in Nielsen's notation (scalar chain, quadratic cost)", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": S_(DEF, "defines delta^l"),
    "5": T("BP1"), "6": T("BP2, every l < L"), "7": T("BP3, every l"), "8": T("BP4, every l"),
    "9": T("L = 2"), "10": Fl("a^2 where a^1 belongs (BP4 with the wrong layer's activation)"),
    "11": Fl("missing chain-rule factor w^2"), "12": T(),
}, sizes=DEPTHS)
def build_nielsen_backprop_chain(c):
    K = Chain(c.n, sig, quad)
    L, W, B, z, a = K.L, K.W, K.B, K.z, K.a
    K2 = Chain(2, sig, quad)
    e2 = (K2.a[2] - K2.y) * sigp(K2.z[2])
    return {
        "5": (K.delta(L), (a[L] - K.y) * sigp(z[L])),
        "6": [(K.delta(l), W[l + 1] * K.delta(l + 1) * sigp(z[l])) for l in range(1, L)],
        "7": [(D(K.C, B[l]), K.delta(l)) for l in range(1, L + 1)],
        "8": [(D(K.C, W[l]), a[l - 1] * K.delta(l)) for l in range(1, L + 1)],
        "9": (D(K2.C, K2.W[1]), e2 * K2.W[2] * sigp(K2.z[1]) * K2.x),
        "10": (D(K2.C, K2.W[2]), e2 * K2.a[2]),
        "11": (D(K2.C, K2.B[1]), e2 * sigp(K2.z[1])),
        "12": (D(K2.C, K2.B[2]), (K2.a[2] - K2.y) * K2.a[2] * (1 - K2.a[2])),
    }


# 9 ------------------------------------------------------------------------------------------
@doc("nielsen_crossentropy", "nielsen_crossentropy.tex", "back-propagation in Nielsen's notation (LaTeX, cross-entropy, delta defined in prose)", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T(), "5": T("BP1 for the cross-entropy"),
    "6": T(), "7": T(), "8": T(),
    "9": Fl("the dC/dw^{L-1} formula reused for the bias: the factor a^{L-2} does not belong"),
    "10": Fl("quadratic-cost BP1 reused: the sigma'(z^L) cancels for the cross-entropy (the prose itself says it no longer holds)"),
}, domains={"y": "unit", "AL": "unit"}, sizes=DEPTHS)
def build_nielsen_crossentropy(c):
    K = Chain(c.n, sig, xent)
    L, W, B, z, a, y = K.L, K.W, K.B, K.z, K.a, K.y
    AL = c.P("AL")
    return {
        "4": (D(xent(AL, y), AL).xreplace({AL: a[L]}), (a[L] - y) / (a[L] * (1 - a[L]))),
        "5": (K.delta(L), a[L] - y),
        "6": (K.delta(L - 1), W[L] * K.delta(L) * sigp(z[L - 1])),
        "7": (D(K.C, W[L]), a[L - 1] * (a[L] - y)),
        "8": (D(K.C, W[L - 1]), a[L - 2] * W[L] * (a[L] - y) * a[L - 1] * (1 - a[L - 1])),
        "9": (D(K.C, B[L - 1]), W[L] * (a[L] - y) * a[L - 1] * (1 - a[L - 1]) * a[L - 2]),
        "10": (D(K.C, W[L]), a[L - 1] * (a[L] - y) * sigp(z[L])),
    }


# 10 -----------------------------------------------------------------------------------------
@doc("nielsen_tanh", "nielsen_tanh.md", "back-propagation in Nielsen's notation (tanh neurons, \\quad (k))", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T(), "5": T("every l < L"),
    "6": Fl("wrong weight: w^{L} belongs, not w^{L-1}"), "7": T(),
    "8": Fl("a^l where a^{l-1} belongs"), "9": T("input gradient, a^0 = x"),
}, sizes=DEPTHS)
def build_nielsen_tanh(c):
    K = Chain(c.n, tanh, quad)
    L, W, B, a, y = K.L, K.W, K.B, K.a, K.y
    return {
        "4": (K.delta(L), (a[L] - y) * (1 - a[L] ** 2)),
        "5": [(K.delta(l), W[l + 1] * K.delta(l + 1) * (1 - a[l] ** 2)) for l in range(1, L)],
        "6": (K.delta(L - 1), W[L - 1] * K.delta(L) * (1 - a[L - 1] ** 2)),
        "7": [(D(K.C, B[l]), K.delta(l)) for l in range(1, L + 1)],
        "8": [(D(K.C, W[l]), a[l] * K.delta(l)) for l in range(1, L + 1)],
        "9": (D(K.C, K.x), W[1] * K.delta(1)),
    }


# 11 -----------------------------------------------------------------------------------------
@doc("poisson_regression", "poisson_regression.md", "Poisson regression (exp link, Newton step)", {
    "1": S_(DEF), "2": T(), "3": S_(DEF), "4": T(), "5": T("step: judged as dl/dbeta"),
    "6": Fl("sign error: should be sum(mu_i - y_i)"), "7": T(), "8": T(), "9": S_(UPD),
}, domains={"y": "count"})
def build_poisson_regression(c):
    al, be = c.P("alpha beta")
    x, y = c.F("x"), c.F("y")
    mu = lambda i: exp(al + be * x(i))
    ell = c.S(lambda i: mu(i) - y(i) * log(mu(i)))
    return {
        "2": c.each(lambda i: (log(mu(i)), al + be * x(i))),
        "4": (D(ell, be), c.S(lambda i: x(i) * exp(al + be * x(i)) - y(i) * x(i))),
        "5": (D(ell, be), c.S(lambda i: (mu(i) - y(i)) * x(i))),
        "6": (D(ell, al), c.S(lambda i: y(i) - mu(i))),
        "7": (D(ell, be, 2), c.S(lambda i: mu(i) * x(i) ** 2)),
        "8": (D(ell, al, be), c.S(lambda i: mu(i) * x(i))),
    }


# 12 -----------------------------------------------------------------------------------------
@doc("poisson_softplus_link", "poisson_softplus_link.md", "Poisson regression with a softplus link (\\operatorname{softplus})", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T(), "5": S_(DEF), "6": T(), "7": T(),
    "8": S_(APPROX), "9": Fl("the canonical (exp-link) gradient reused for the softplus link"),
    "10": T(),
}, domains={"y": "count"})
def build_poisson_softplus_link(c):
    w, b, Z = c.P("w b Z")
    x, y = c.F("x"), c.F("y")
    z = lambda i: w * x(i) + b
    mu = lambda i: softplus(z(i))
    L = c.mean(lambda i: mu(i) - y(i) * log(mu(i)))
    return {
        "3": (D(softplus(Z), Z), sig(Z)),
        "4": (sig(Z), exp(Z) / (1 + exp(Z))),
        "6": (D(L, w), c.mean(lambda i: (1 - y(i) / mu(i)) * sig(z(i)) * x(i))),
        "7": (D(L, b), c.mean(lambda i: (1 - y(i) / mu(i)) * sig(z(i)))),
        "9": (D(L, w), c.mean(lambda i: (mu(i) - y(i)) * x(i))),
        "10": (D(L, b, 2), c.mean(lambda i: y(i) / mu(i) ** 2 * sig(z(i)) ** 2
                                  + (1 - y(i) / mu(i)) * sig(z(i)) * (1 - sig(z(i))))),
    }


# 13 -----------------------------------------------------------------------------------------
@doc("leibniz_chain_rule", "leibniz_chain_rule.md", "derivation chain in Leibniz notation (dC/dw, d C/d w, \\mathrm{d}, d/dy C, second partial)", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T(), "5": T(), "6": T(),
    "7": T("the product of the three local derivatives"), "8": T(),
    "9": Fl("missing chain-rule factor w (du/dx = w)"), "10": Fl("sign error: dC/dy = -2(a - y)"),
    "11": T(),
})
def build_leibniz_chain_rule(c):
    w, x, y, A, U = c.P("w x y A U")
    a = sig(w * x)
    C = (a - y) ** 2
    prod = 2 * (a - y) * a * (1 - a) * x
    return {
        "4": (D((A - y) ** 2, A), 2 * (A - y)),
        "5": (D(sig(U), U), sig(U) * (1 - sig(U))),
        "6": (D(w * x, w), x),
        "7": (D(C, w), prod),
        "8": (D(C, w), prod),
        "9": (D(C, x), 2 * (a - y) * a * (1 - a)),
        "10": (D(C, y), 2 * (a - y)),
        "11": (D(C, w, 2), 2 * x ** 2 * a * (1 - a) * (a * (1 - a) + (a - y) * (1 - 2 * a))),
    }


# 14 -----------------------------------------------------------------------------------------
@doc("leibniz_logistic_margin", "leibniz_logistic_margin.md", "derivation chain in Leibniz notation (\\mathrm{d}, margins, \\left. \\right|_{w=0})", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T("step: judged as the derivative of (3)"),
    "5": T("step: judged as the derivative of (3)"), "6": T(),
    "7": Fl("the label factor y_i is dropped"), "8": T(),
    "9": Cnd("uses y_i^2 = 1: true for labels in {-1, +1} (as the text says), false for other y_i"),
    "10": S_(UPD),
}, conditional={"9": {"y": "pm1"}})
def build_leibniz_logistic_margin(c):
    w, M = c.P("w M")
    x, y = c.F("x"), c.F("y")
    m = lambda i: y(i) * w * x(i)
    C = c.mean(lambda i: log(1 + exp(-m(i))))
    dl = D(log(1 + exp(-M)), M)
    return {
        "3": (dl, -exp(-M) / (1 + exp(-M))),
        "4": (dl, -sig(-M)),
        "5": (dl, sig(M) - 1),
        "6": (D(C, w), -c.mean(lambda i: sig(-m(i)) * y(i) * x(i))),
        "7": (D(C, w), c.mean(lambda i: (sig(m(i)) - 1) * x(i))),
        "8": (D(C, w).xreplace({w: 0}), -c.S(lambda i: y(i) * x(i)) / (2 * c.n)),
        "9": (D(C, w, 2), c.mean(lambda i: sig(m(i)) * sig(-m(i)) * x(i) ** 2)),
    }


# 15 -----------------------------------------------------------------------------------------
@doc("finite_differences", "finite_differences.md", "finite differences (\\lim_{h \\to 0}, \\approx, exact difference quotients)", {
    "1": S_(DEF, "the limit definition of the derivative"), "2": S_(APPROX),
    "3": T(), "4": T(), "5": T(), "6": S_(DEF),
    "7": T("central difference of a quadratic is exact"),
    "8": Fl("the 1/n is dropped from the h term: + (h/n) sum x_i^2"), "9": S_(APPROX),
})
def build_finite_differences(c):
    w, h = c.P("w h")
    x, y = c.F("x"), c.F("y")
    Cf = lambda v: c.mean(lambda i: (v * x(i) - y(i)) ** 2)
    g = R(2) / c.n * c.S(lambda i: (w * x(i) - y(i)) * x(i))
    return {
        "3": (((w + h) ** 3 - (w - h) ** 3) / (2 * h), 3 * w ** 2 + h ** 2),
        "4": (((w + h) ** 3 - w ** 3) / h, 3 * w ** 2 + 3 * w * h + h ** 2),
        "5": (((w + h) ** 3 - 2 * w ** 3 + (w - h) ** 3) / h ** 2, 6 * w),
        "7": ((Cf(w + h) - Cf(w - h)) / (2 * h), g),
        "8": ((Cf(w + h) - Cf(w)) / h, g + h * c.S(lambda i: x(i) ** 2)),
    }


# 16 -----------------------------------------------------------------------------------------
@doc("finite_differences_sigmoid", "finite_differences_sigmoid.md", "finite differences (sigmoid neuron, concrete limits)", {
    "1": S_(DEF, "the limit definition of the partial derivative"), "2": S_(DEF), "3": T(),
    "4": Fl("wrong sigma': sigma instead of sigma(1 - sigma)"), "5": S_(APPROX), "6": S_(APPROX),
    "7": T(), "8": T("a concrete limit, computed"), "9": T("a concrete limit, computed"),
    "10": Fl("the limit is 2, not 1"),
})
def build_finite_differences_sigmoid(c):
    w, b, Z, hh = c.P("w b Z hh")
    x, y = c.F("x"), c.F("y")
    s = lambda i: sig(w * x(i) + b)
    C = half * c.S(lambda i: (s(i) - y(i)) ** 2)
    return {
        "3": (D(C, w), c.S(lambda i: (s(i) - y(i)) * sigp(w * x(i) + b) * x(i))),
        "4": (D(C, b), c.S(lambda i: (s(i) - y(i)) * s(i))),
        "7": (D(sig(Z), Z).xreplace({Z: 0}), R(1, 4)),
        "8": (sp.limit((sig(hh) - sig(0)) / hh, hh, 0), R(1, 4)),
        "9": (sp.limit((exp(hh) - 1) / hh, hh, 0), sp.Integer(1)),
        "10": (sp.limit((exp(2 * hh) - 1) / hh, hh, 0), sp.Integer(1)),
    }


# 17 -----------------------------------------------------------------------------------------
@doc("midterm_solutions", "midterm_solutions.tex", "exam solutions in LaTeX (\\tag{Q2}, \\tag{Q2b}, \\eqref)", {
    "Q1": S_(DEF), "Q1a": T(), "Q1b": T(), "Q2": S_(DEF), "Q2a": T(),
    "Q2b": Fl("the dl/dw formula reused for the bias: no factor x"), "Q3": S_(DEF),
    "Q3a": Fl("the 1/n of the average is dropped"), "Q3b": T(), "Q4": S_(UPD),
}, domains={"y": "unit"})
def build_midterm_solutions(c):
    w, b, x1, y1 = c.P("w b x y")
    x, y = c.F("x"), c.F("y")
    f = half * (w * x1 - y1) ** 2
    s1 = sig(w * x1 + b)
    ell = -y1 * log(s1) - (1 - y1) * log(1 - s1)
    s = lambda i: sig(w * x(i) + b)
    L = c.mean(lambda i: -y(i) * log(s(i)) - (1 - y(i)) * log(1 - s(i)))
    return {
        "Q1a": (D(f, w), (w * x1 - y1) * x1),
        "Q1b": (D(f, w, 2), x1 ** 2),
        "Q2a": (D(ell, w), (s1 - y1) * x1),
        "Q2b": (D(ell, b), (s1 - y1) * x1),
        "Q3a": (D(L, w), c.S(lambda i: (s(i) - y(i)) * x(i))),
        "Q3b": (D(L, b, 2), c.mean(lambda i: s(i) * (1 - s(i)))),
    }


# 18 -----------------------------------------------------------------------------------------
@doc("final_exam_solutions", "final_exam_solutions.tex", "exam solutions in LaTeX (\\tag{1a}, \\DeclareMathOperator\\sign, |.|)", {
    "1": S_(DEF), "1a": T(), "1b": T(), "2": S_(DEF), "2a": T(),
    "2b": Fl("wrong sigma': sigma(1 + sigma)"), "3": S_(DEF), "3a": T(),
    "3b": Fl("sign error: h'' = (w^2 - 1) e^{-w^2/2}"), "4": S_(DEF),
    "4a": T("wherever no residual is zero"),
})
def build_final_exam_solutions(c):
    X, w = c.P("X w")
    x, y = c.F("x"), c.F("y")
    f = tanh(3 * X)
    g = log(1 + exp(w))
    h = exp(-w ** 2 / 2)
    E = c.S(lambda i: Abs(w * x(i) - y(i)))
    return {
        "1a": (D(f, X), 3 * (1 - tanh(3 * X) ** 2)),
        "1b": (D(f, X, 2), -18 * tanh(3 * X) * (1 - tanh(3 * X) ** 2)),
        "2a": (D(g, w), sig(w)),
        "2b": (D(g, w, 2), sig(w) * (1 + sig(w))),
        "3a": (D(h, w), -w * h),
        "3b": (D(h, w, 2), (1 - w ** 2) * h),
        "4a": (D(E, w), c.S(lambda i: sign(w * x(i) - y(i)) * x(i))),
    }


# 19 -----------------------------------------------------------------------------------------
@doc("ng_week1_linreg", "ng_week1_linreg.md", "Andrew Ng-style linear regression (h_theta(x^{(i)}), J(theta_0, theta_1), 1/2m, :=)", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T(), "5": S_(UPD, "Ng's := is an assignment"),
    "6": S_(UPD), "7": Fl("sign error: the inner derivative of y - h is -x, so the right side needs a minus"),
    "8": T(), "9": T(), "10": Fl("d^2J/dtheta_0^2 = 1, not 1/(2m)"),
})
def build_ng_week1_linreg(c):
    t0, t1 = c.P("theta0 theta1")
    x, y = c.F("x"), c.F("y")
    m = c.n
    h = lambda i: t0 + t1 * x(i)
    J = c.S(lambda i: (h(i) - y(i)) ** 2) / (2 * m)
    J7 = c.S(lambda i: (y(i) - h(i)) ** 2) / (2 * m)
    return {
        "3": (D(J, t0), c.mean(lambda i: h(i) - y(i))),
        "4": (D(J, t1), c.mean(lambda i: (h(i) - y(i)) * x(i))),
        "7": (D(J7, t1), c.mean(lambda i: (y(i) - h(i)) * x(i))),
        "8": (D(J, t1, 2), c.mean(lambda i: x(i) ** 2)),
        "9": (D(J, t0, t1), c.mean(x)),
        "10": (D(J, t0, 2), R(1, 2) / m),
    }


# 20 -----------------------------------------------------------------------------------------
@doc("ng_multivariate_regularized", "ng_multivariate_regularized.md", "Andrew Ng-style linear regression (two features x_j^{(i)}, lambda/2m, n = feature count)", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T(),
    "5": Fl("the 1/m of the penalty is dropped: + (lambda/m) theta_2"), "6": T("j = 1, 2"),
    "7": S_(UPD), "8": T(), "9": Fl("theta_0 is not penalised in (2): no lambda/m theta_0 term"),
}, domains={"lam": "pos"})
def build_ng_multivariate_regularized(c):
    t0, t1, t2, lam = c.P("theta0 theta1 theta2 lam")
    x1, x2, y = c.F("x1"), c.F("x2"), c.F("y")
    m = c.n
    h = lambda i: t0 + t1 * x1(i) + t2 * x2(i)
    J = (c.S(lambda i: (h(i) - y(i)) ** 2) + lam * (t1 ** 2 + t2 ** 2)) / (2 * m)
    r = lambda i: h(i) - y(i)
    th, xs = {1: t1, 2: t2}, {1: x1, 2: x2}
    return {
        "3": (D(J, t0), c.mean(r)),
        "4": (D(J, t1), c.mean(lambda i: r(i) * x1(i)) + lam / m * t1),
        "5": (D(J, t2), c.mean(lambda i: r(i) * x2(i)) + lam * t2),
        "6": [(D(J, th[j]), c.mean(lambda i: r(i) * xs[j](i)) + lam / m * th[j]) for j in (1, 2)],
        "8": (D(J, t1, 2), c.mean(lambda i: x1(i) ** 2) + lam / m),
        "9": (D(J, t0), c.mean(r) + lam / m * t0),
    }


# 21 -----------------------------------------------------------------------------------------
@doc("exponential_fit", "exponential_fit.md", "exponential fit with second derivatives (A e^{k t}, Gauss-Newton)", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": Fl("missing chain-rule factor t_i from d/dk e^{k t_i}"),
    "5": T(), "6": T(), "7": T(), "8": S_(APPROX),
    "9": Cnd("log(A e^{k t_i}) = log A + k t_i needs A > 0 (the text says so)"),
}, conditional={"9": {"A": "pos"}})
def build_exponential_fit(c):
    A, k = c.P("A k")
    t, y = c.F("t"), c.F("y")
    e = lambda i: exp(k * t(i))
    E = c.S(lambda i: (A * e(i) - y(i)) ** 2)
    return {
        "3": (D(E, A), 2 * c.S(lambda i: (A * e(i) - y(i)) * e(i))),
        "4": (D(E, k), 2 * c.S(lambda i: (A * e(i) - y(i)) * A * e(i))),
        "5": (D(E, A, 2), 2 * c.S(lambda i: exp(2 * k * t(i)))),
        "6": (D(E, k, 2), 2 * c.S(lambda i: A * t(i) ** 2 * e(i) * (2 * A * e(i) - y(i)))),
        "7": (D(E, A, k), 2 * c.S(lambda i: t(i) * e(i) * (2 * A * e(i) - y(i)))),
        "9": c.each(lambda i: (log(A * e(i)), log(A) + k * t(i))),
    }


# 22 -----------------------------------------------------------------------------------------
@doc("exponential_decay", "exponential_decay.tex", "exponential fit with second derivatives (LaTeX decay rate, \\def, Newton)", {
    "1": S_(DEF), "2": S_(DEF), "3": Fl("sign error: d/dlambda e^{-lambda t_i} = -t_i yhat_i"),
    "4": T(), "5": T(), "6": T(),
    "7": Fl("product rule: the derivative of the residual is dropped (the prose calls it a shortcut)"),
    "8": S_(APPROX), "9": S_(UPD),
}, domains={"t": "pos"})
def build_exponential_decay(c):
    lam = c.P("lam")
    t, y = c.F("t"), c.F("y")
    yh = lambda i: exp(-lam * t(i))
    C = half * c.S(lambda i: (yh(i) - y(i)) ** 2)
    return {
        "3": c.each(lambda i: (D(yh(i), lam), t(i) * yh(i))),
        "4": c.each(lambda i: (D(log(yh(i)), lam), -t(i))),
        "5": (D(C, lam), c.S(lambda i: t(i) * yh(i) * (y(i) - yh(i)))),
        "6": (D(C, lam, 2), c.S(lambda i: t(i) ** 2 * yh(i) * (2 * yh(i) - y(i)))),
        "7": (D(C, lam, 2), c.S(lambda i: t(i) ** 2 * yh(i) * (yh(i) - y(i)))),
    }


# 23 -----------------------------------------------------------------------------------------
FEATURES = 3  # d, the number of features, in the multi-feature documents


@doc("relu_multifeature", "relu_multifeature.md", "ReLU with multi-feature sums (x_{ij}, w_k, \\sum_{k=1}^{d}, \\max(0, z), \\mathbb{1}[z > 0])", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T("away from z_i = 0"), "5": T("every j"),
    "6": Fl("the dC/dw_j formula reused for the bias: the factor x_{ij} does not belong (and j is free)"),
    "7": Fl("wrong index: x_{ik} where x_{ij} belongs"), "8": T("every j, k"), "9": T(),
    "10": Cnd("dropping the indicator is right only when every z_i > 0 (the text's assumption)"),
}, conditional={"10": {"w1": "pos", "w2": "pos", "w3": "pos", "x": "pos", "b": "pos"}})
def build_relu_multifeature(c):
    d = FEATURES
    b, Z = c.P("b Z")
    W = [None] + [sp.Symbol(f"w{k}", real=True) for k in range(1, d + 1)]
    x, y = c.F("x"), c.F("y")
    z = lambda i: sum(W[k] * x(i, k) for k in range(1, d + 1)) + b
    a = lambda i: relu(z(i))
    C = c.S(lambda i: (a(i) - y(i)) ** 2) / (2 * c.n)
    J = range(1, d + 1)
    return {
        "4": (D(relu(Z), Z), ind(Z)),
        "5": [(D(C, W[j]), c.mean(lambda i: (a(i) - y(i)) * ind(z(i)) * x(i, j))) for j in J],
        "6": [(D(C, b), c.mean(lambda i: (a(i) - y(i)) * ind(z(i)) * x(i, j))) for j in J],
        "7": [(D(C, W[j]), c.mean(lambda i: (a(i) - y(i)) * ind(z(i)) * x(i, k))) for j in J for k in J],
        "8": [(D(C, W[j], W[k]), c.mean(lambda i: ind(z(i)) * x(i, j) * x(i, k))) for j in J for k in J],
        "9": (D(C, b, 2), c.mean(lambda i: ind(z(i)))),
        "10": [(D(C, W[j]), c.mean(lambda i: (a(i) - y(i)) * x(i, j))) for j in J],
    }


# 24 -----------------------------------------------------------------------------------------
@doc("relu_two_stage", "relu_two_stage.md", "ReLU with multi-feature sums (linear model x_{ik}, then \\mathrm{ReLU} hidden unit, N)", {
    "1": S_(DEF), "2": S_(DEF), "3": T("every k"),
    "4": Fl("transposed index: x_{ki} where x_{ik} belongs"), "5": T("every j, k"),
    "6": T("Euler's identity for a model homogeneous in w"), "7": S_(DEF), "8": S_(DEF), "9": S_(DEF),
    "10": Fl("missing chain-rule factor v"), "11": T(),
})
def build_relu_two_stage(c):
    d = FEATURES
    u, v = c.P("u v")
    W = [None] + [sp.Symbol(f"w{k}", real=True) for k in range(1, d + 1)]
    x, y = c.F("x"), c.F("y")
    N = c.n
    K = range(1, d + 1)
    yh = lambda i: sum(W[k] * x(i, k) for k in K)
    L = c.mean(lambda i: (yh(i) - y(i)) ** 2)
    h = lambda i: relu(u * x(i))
    f = lambda i: v * h(i)
    E = c.mean(lambda i: (f(i) - y(i)) ** 2)
    return {
        "3": [(D(L, W[k]), R(2) / N * c.S(lambda i: (yh(i) - y(i)) * x(i, k))) for k in K],
        "4": [(D(L, W[k]), R(2) / N * c.S(lambda i: (yh(i) - y(i)) * x(k, i))) for k in K],
        "5": [(D(L, W[j], W[k]), R(2) / N * c.S(lambda i: x(i, j) * x(i, k))) for j in K for k in K],
        "6": (sum(W[k] * D(L, W[k]) for k in K), R(2) / N * c.S(lambda i: (yh(i) - y(i)) * yh(i))),
        "10": (D(E, u), R(2) / N * c.S(lambda i: (f(i) - y(i)) * ind(u * x(i)) * x(i))),
        "11": (D(E, v), R(2) / N * c.S(lambda i: (f(i) - y(i)) * h(i))),
    }


# 25 -----------------------------------------------------------------------------------------
@doc("blog_sigmoid_neuron", "blog_sigmoid_neuron.md", "blog post with YAML front matter and $$\\begin{aligned}$$ blocks (:=, \\leftarrow, a = b = c, trailing punctuation)", {
    "1": S_(DEF, "one tag for an aligned block of three := definitions"),
    "2": T("a = b = c: both equalities hold"), "3": T("aligned block: both rows hold"),
    "4": Fl("the 1/n is dropped"), "5": S_(UPD, "two update rules on one line"), "6": S_(DEF),
    "7": T(), "8": S_(DEF), "9": Fl("sign error: (a_i - y_i), not (y_i - a_i)"), "10": T(),
}, domains={"y": "unit"})
def build_blog_sigmoid_neuron(c):
    w, b, Z = c.P("w b Z")
    x, y = c.F("x"), c.F("y")
    z = lambda i: w * x(i) + b
    a = lambda i: sig(z(i))
    C = c.S(lambda i: (a(i) - y(i)) ** 2) / (2 * c.n)
    delta = lambda i: (a(i) - y(i)) * a(i) * (1 - a(i))
    Cce = -c.mean(lambda i: y(i) * log(a(i)) + (1 - y(i)) * log(1 - a(i)))
    dz = D(sig(Z), Z)
    return {
        "2": [(dz, exp(-Z) / (1 + exp(-Z)) ** 2), (dz, sig(Z) * (1 - sig(Z)))],
        "3": [(D(C, w), c.mean(lambda i: (a(i) - y(i)) * sigp(z(i)) * x(i))),
              (D(C, w), c.mean(lambda i: (a(i) - y(i)) * a(i) * (1 - a(i)) * x(i)))],
        "4": (D(C, b), c.S(delta)),
        "7": (D(C, w), c.mean(lambda i: delta(i) * x(i))),
        "9": (D(Cce, w), c.mean(lambda i: (y(i) - a(i)) * x(i))),
        "10": (D(Cce, b), c.mean(lambda i: a(i) - y(i))),
    }


# 26 -----------------------------------------------------------------------------------------
def huber(r, dl):
    return sp.Piecewise((r ** 2 / 2, Abs(r) <= dl), (dl * (Abs(r) - dl / 2), True))


def huber_prime(r, dl):
    return sp.Piecewise((r, Abs(r) <= dl), (dl * sign(r), True))


@doc("blog_mae_huber", "blog_mae_huber.md", "blog post with YAML front matter and $$\\begin{aligned}$$ blocks (MAE |.|, \\operatorname{sign}, Huber cases)", {
    "1": S_(DEF, "one tag for two := definitions"), "2": T(),
    "3": Fl("sign error: sign(w x_i - y_i), not sign(y_i - w x_i)"),
    "4": T("a = b = c, for u != 0"), "5": S_(DEF), "6": T(),
    "7": Fl("missing chain-rule factor x_i"), "8": S_(UPD), "9": T(),
}, domains={"delta": "pos"})
def build_blog_mae_huber(c):
    w, U, Rr, dl = c.P("w U Rres delta")
    x, y = c.F("x"), c.F("y")
    MSE = c.mean(lambda i: (w * x(i) - y(i)) ** 2)
    MAE = c.mean(lambda i: Abs(w * x(i) - y(i)))
    MH = c.mean(lambda i: huber(w * x(i) - y(i), dl))
    return {
        "2": (D(MSE, w), R(2) / c.n * c.S(lambda i: (w * x(i) - y(i)) * x(i))),
        "3": (D(MAE, w), c.mean(lambda i: sign(y(i) - w * x(i)) * x(i))),
        "4": [(D(Abs(U), U), U / Abs(U)), (D(Abs(U), U), sign(U))],
        "6": (D(huber(Rr, dl), Rr), huber_prime(Rr, dl)),
        "7": (D(MH, w), c.mean(lambda i: huber_prime(w * x(i) - y(i), dl))),
        "9": (D(MSE, w, 2), R(2) / c.n * c.S(lambda i: x(i) ** 2)),
    }


# 27 -----------------------------------------------------------------------------------------
@doc("two_argument_cost", "two_argument_cost.md", "functions of several arguments (C(w, b), \\nabla_w C, C'(w), \\sigma'(z), \\left. \\right|_{b=1})", {
    "1": S_(DEF), "2": T(), "3": T(),
    "4": Fl("the dC/dw formula reused for the bias: the factor x_i does not belong"),
    "5": T("dC/db at b = 1"), "6": T("C at the origin"), "7": T("dC/dw at the origin"),
    "8": T("d^2C/db^2 at the origin: 2 * (1/4)^2 = 1/8"),
    "9": Fl("the sigma'(w x_i + b) factor is dropped"),
})
def build_two_argument_cost(c):
    w, b = c.P("w b")
    x, y = c.F("x"), c.F("y")
    s = lambda i: sig(w * x(i) + b)
    C = c.mean(lambda i: (s(i) - y(i)) ** 2)
    origin = {w: 0, b: 0}
    return {
        "2": (D(C, w), R(2) / c.n * c.S(lambda i: (s(i) - y(i)) * sigp(w * x(i) + b) * x(i))),
        "3": (D(C, w), R(2) / c.n * c.S(lambda i: (s(i) - y(i)) * s(i) * (1 - s(i)) * x(i))),
        "4": (D(C, b), R(2) / c.n * c.S(lambda i: (s(i) - y(i)) * sigp(w * x(i) + b) * x(i))),
        "5": (D(C, b).xreplace({b: 1}), R(2) / c.n * c.S(lambda i: (sig(w * x(i) + 1) - y(i)) * sigp(w * x(i) + 1))),
        "6": (C.xreplace(origin), c.mean(lambda i: (half - y(i)) ** 2)),
        "7": (D(C, w).xreplace(origin), c.S(lambda i: (half - y(i)) * x(i)) / (2 * c.n)),
        "8": (D(C, b, 2).xreplace(origin), R(1, 8)),
        "9": (D(C, w), R(2) / c.n * c.S(lambda i: (s(i) - y(i)) * x(i))),
    }


# 28 -----------------------------------------------------------------------------------------
@doc("derivative_grab_bag", "derivative_grab_bag.md", "functions of several arguments / notation grab-bag (softplus, ReLU, tanh^2 z, log p/q, \\exp w x_i, |x|, sign)", {
    "1": T(), "2": T("away from z = 0"), "3": T(),
    "4": Fl("missing chain-rule factor (1 - tanh^2 z)"), "5": T(), "6": T("for p, q > 0"),
    "7": T("for 0 < p < 1"), "8": Fl("should be -sigma(-z) = sigma(z) - 1"),
    "9": T("\\exp w x_i read as exp(w x_i)"), "10": Fl("missing chain-rule factor x_i"),
    "11": T("away from w = 0"), "12": T(),
}, domains={"p": "pos", "q": "pos", "pu": "unit"})
def build_derivative_grab_bag(c):
    Z, w, X, p, q, pu = c.P("Z w X p q pu")
    x = c.F("x")
    return {
        "1": (D(softplus(Z), Z), sig(Z)),
        "2": (D(relu(Z), Z), ind(Z)),
        "3": (D(tanh(Z), Z), 1 - tanh(Z) ** 2),
        "4": (D(tanh(Z) ** 2, Z), 2 * tanh(Z)),
        "5": (sig(-Z), 1 - sig(Z)),
        "6": (D(log(p / q), p), 1 / p),
        "7": (log(pu / (1 - pu)), log(pu) - log(1 - pu)),
        "8": (D(log(1 + exp(-Z)), Z), -sig(Z)),
        "9": c.each(lambda i: (D(exp(w * x(i)), w), x(i) * exp(w * x(i)))),
        "10": (D(c.mean(lambda i: exp(w * x(i))), w), c.mean(lambda i: exp(w * x(i)))),
        "11": (D(Abs(w), w), sign(w)),
        "12": (D(Abs(X) ** 3, X), 3 * X * Abs(X)),
    }


# 29 -----------------------------------------------------------------------------------------
@doc("hinge_loss", "hinge_loss.md", "ReLU-like max(0, .) subgradients: hinge loss (\\mathbb{1}[.], y in {-1,+1})", {
    "1": S_(DEF), "2": T("away from the kink"), "3": T(),
    "4": Fl("sign error in the hinge term"), "5": T("away from the kinks"), "6": S_(UPD), "7": T(),
    "8": Fl("missing chain-rule factor y_i x_i"),
}, domains={"y": "pm1", "lam": "pos"})
def build_hinge_loss(c):
    w, lam = c.P("w lam")
    x, y = c.F("x"), c.F("y")
    hinge = lambda i: relu(1 - y(i) * w * x(i))
    act = lambda i: ind(1 - y(i) * w * x(i))
    L = c.mean(hinge) + lam / 2 * w ** 2
    return {
        "2": c.each(lambda i: (D(hinge(i), w), -y(i) * x(i) * act(i))),
        "3": (D(L, w), -c.mean(lambda i: y(i) * x(i) * act(i)) + lam * w),
        "4": (D(L, w), lam * w + c.mean(lambda i: y(i) * x(i) * act(i))),
        "5": (D(L, w, 2), lam),
        "7": c.each(lambda i: (D(hinge(i) ** 2, w), -2 * y(i) * x(i) * hinge(i))),
        "8": c.each(lambda i: (D(hinge(i) ** 2, w), -2 * hinge(i))),
    }


# 30 -----------------------------------------------------------------------------------------
@doc("two_layer_superscripts", "two_layer_superscripts.md", "back-propagation with a^{(1)}, a^{(2)} layer superscripts and a sample index", {
    "1": S_(DEF), "2": S_(DEF), "3": S_(DEF), "4": T(), "5": T(),
    "6": Fl("a^{(2)}(1 - a^{(2)}) where a^{(1)}(1 - a^{(1)}) belongs"), "7": T(), "8": S_(DEF),
    "9": T(), "10": Fl("x_i where a^{(1)}_i belongs"),
})
def build_two_layer_superscripts(c):
    w1, b1, w2, b2 = c.P("w1 b1 w2 b2")
    x, y = c.F("x"), c.F("y")
    a1 = lambda i: sig(w1 * x(i) + b1)
    a2 = lambda i: sig(w2 * a1(i) + b2)
    C = c.mean(lambda i: (a2(i) - y(i)) ** 2)
    d2 = lambda i: (a2(i) - y(i)) * a2(i) * (1 - a2(i))
    k = R(2) / c.n
    return {
        "4": (D(C, w2), k * c.S(lambda i: d2(i) * a1(i))),
        "5": (D(C, b2), k * c.S(d2)),
        "6": (D(C, w1), k * c.S(lambda i: d2(i) * w2 * a2(i) * (1 - a2(i)) * x(i))),
        "7": (D(C, b1), k * c.S(lambda i: d2(i) * w2 * a1(i) * (1 - a1(i)))),
        "9": (D(C, w1), k * c.S(lambda i: d2(i) * w2 * a1(i) * (1 - a1(i)) * x(i))),
        "10": (D(C, w2), k * c.S(lambda i: d2(i) * x(i))),
    }


# 31 -----------------------------------------------------------------------------------------
@doc("logcosh_regression", "logcosh_regression.md", "log-cosh regression (sech^2, tanh, zero-based sum)", {
    "1": S_(DEF), "2": T(), "3": T(), "4": T(), "5": S_(APPROX), "6": T(), "7": T(),
    "8": Fl("step: wrong tanh' (1 + tanh^2 instead of 1 - tanh^2)"),
    "9": Fl("wrong summation range: i = 0 ... n-1 sums other samples (x_0 is not a sample; x_n is dropped)"),
})
def build_logcosh_regression(c):
    w, Rr = c.P("w Rres")
    x, y = c.F("x"), c.F("y")
    r = lambda i: w * x(i) - y(i)
    L = c.mean(lambda i: log(cosh(r(i))))
    return {
        "2": (cosh(Rr), (exp(Rr) + exp(-Rr)) / 2),
        "3": (D(log(cosh(Rr)), Rr), (exp(Rr) - exp(-Rr)) / (exp(Rr) + exp(-Rr))),
        "4": (D(log(cosh(Rr)), Rr), tanh(Rr)),
        "6": (D(L, w), c.mean(lambda i: tanh(r(i)) * x(i))),
        "7": (D(L, w, 2), c.mean(lambda i: sech(r(i)) ** 2 * x(i) ** 2)),
        "8": (D(L, w, 2), c.mean(lambda i: (1 + tanh(r(i)) ** 2) * x(i) ** 2)),
        "9": (D(L, w), c.S(lambda i: tanh(r(i)) * x(i), lo=0, hi=c.n - 1) / c.n),
    }


# 32 -----------------------------------------------------------------------------------------
@doc("weighted_least_squares", "weighted_least_squares.md", "weighted least squares and Gaussian likelihood (beta, N, \\ln s, \\hat\\beta)", {
    "1": S_(DEF), "2": T(), "3": T(),
    "4": S_(DEF, "names the closed-form minimiser; it is the zero of (2)"),
    "5": Fl("missing factor x_i"), "6": S_(DEF), "7": T(),
    "8": Fl("sign error: d/ds of 1/(2s) is -1/(2s^2)"), "9": S_(DEF),
}, domains={"c": "pos", "s": "pos"})
def build_weighted_least_squares(c):
    be, s = c.P("beta s")
    x, y, cw = c.F("x"), c.F("y"), c.F("c")
    N = c.n
    S = c.S(lambda i: cw(i) * (y(i) - be * x(i)) ** 2)
    rss = c.S(lambda i: (y(i) - be * x(i)) ** 2)
    ell = R(N, 2) * log(s) + rss / (2 * s)
    return {
        "2": (D(S, be), -2 * c.S(lambda i: cw(i) * (y(i) - be * x(i)) * x(i))),
        "3": (D(S, be, 2), 2 * c.S(lambda i: cw(i) * x(i) ** 2)),
        "5": (D(S, be), 2 * c.S(lambda i: cw(i) * (be * x(i) - y(i)))),
        "7": (D(ell, be), -c.S(lambda i: (y(i) - be * x(i)) * x(i)) / s),
        "8": (D(ell, s), R(N, 2) / s + rss / (2 * s ** 2)),
    }


# 33 -----------------------------------------------------------------------------------------
@doc("lecture4_least_squares", "lecture4_least_squares.md", "lecture notes with section numbering (4.1)-(4.10), least squares with intercept, double sums", {
    "4.1": S_(DEF), "4.2": Fl("sign error: the inner derivative -x_i is lost"), "4.3": T(),
    "4.4": T(), "4.5": Fl("the constant b summed n times: - n b, not - b"), "4.6": T(), "4.7": T(),
    "4.8": T(), "4.9": T("Lagrange's identity"), "4.10": T("step: judged against the left side of (4.9)"),
})
def build_lecture4_least_squares(c):
    w, b = c.P("w b")
    x, y = c.F("x"), c.F("y")
    n = c.n
    r = lambda i: y(i) - w * x(i) - b
    ell = half * c.S(lambda i: r(i) ** 2)
    lhs9 = n * c.S(lambda i: x(i) ** 2) - c.S(x) ** 2
    return {
        "4.2": (D(ell, w), c.S(lambda i: r(i) * x(i))),
        "4.3": (D(ell, b), -c.S(r)),
        "4.4": (c.S(lambda i: x(i) * r(i)), c.S(lambda i: x(i) * y(i)) - w * c.S(lambda i: x(i) ** 2) - b * c.S(x)),
        "4.5": (c.S(r), c.S(y) - w * c.S(x) - b),
        "4.6": (D(ell, w, 2), c.S(lambda i: x(i) ** 2)),
        "4.7": (D(ell, w, b), c.S(x)),
        "4.8": (D(ell, b, 2), sp.Integer(n)),
        "4.9": (lhs9, half * c.S(lambda i: c.S(lambda j: (x(i) - x(j)) ** 2))),
        "4.10": (lhs9, sp.Add(*[(x(i) - x(j)) ** 2 for i in range(1, n + 1) for j in range(i + 1, n + 1)])),
    }


# 34 -----------------------------------------------------------------------------------------
@doc("bernoulli_kl", "bernoulli_kl.md", "Bernoulli KL divergence (\\log p/q, sigma, many targets)", {
    "1": S_(DEF), "2": S_(DEF), "3": T(), "4": T(),
    "5": Fl("sign error: d/dtheta log(1 - q) = -q"), "6": T(), "7": T(),
    "8": T("q held fixed"), "9": S_(DEF), "10": T(),
    "11": Fl("spurious 1/n: the curvature is q(1 - q)"),
}, domains={"p": "unit", "P": "unit", "Q": "unit"})
def build_bernoulli_kl(c):
    th, p, P, Q = c.P("theta p P Q")
    pi = c.F("p")
    q = sig(th)
    KL = lambda pp, qq: pp * log(pp / qq) + (1 - pp) * log((1 - pp) / (1 - qq))
    Dt = KL(p, q)
    Dn = c.mean(lambda i: KL(pi(i), q))
    return {
        "3": (D(KL(p, Q), Q), -p / Q + (1 - p) / (1 - Q)),
        "4": (D(log(q), th), 1 - q),
        "5": (D(log(1 - q), th), q),
        "6": (D(Dt, th), q - p),
        "7": (D(Dt, th, 2), q * (1 - q)),
        "8": (D(KL(P, Q), P), log(P / Q) - log((1 - P) / (1 - Q))),
        "10": (D(Dn, th), q - c.mean(pi)),
        "11": (D(Dn, th, 2), q * (1 - q) / c.n),
    }


# 35 -----------------------------------------------------------------------------------------
@doc("quiz3_solutions", "quiz3_solutions.tex", "exam solutions in LaTeX (\\tag{Q1b} in equation and align, \\eqref)", {
    "Q1": S_(DEF), "Q1a": T(), "Q1b": Fl("the dC/dw formula reused for the bias: no factor x_i"),
    "Q2": S_(DEF), "Q2a": S_(DEF), "Q2b": T(), "Q2c": Fl("wrong sigma': a_i(1 + a_i)"),
    "Q3": T(), "Q3a": Fl("step: wrong tanh' ((1 - tanh)^2 instead of 1 - tanh^2)"),
})
def build_quiz3_solutions(c):
    w, b = c.P("w b")
    x, y = c.F("x"), c.F("y")
    r = lambda i: w * x(i) + b - y(i)
    C = c.mean(lambda i: r(i) ** 2)
    a = lambda i: sig(w * x(i) + b)
    E = c.S(lambda i: (a(i) - y(i)) ** 2) / (2 * c.n)
    T3 = c.mean(lambda i: tanh(w * x(i)))
    return {
        "Q1a": (D(C, w), R(2) / c.n * c.S(lambda i: r(i) * x(i))),
        "Q1b": (D(C, b), R(2) / c.n * c.S(lambda i: r(i) * x(i))),
        "Q2b": (D(E, w), c.mean(lambda i: (a(i) - y(i)) * a(i) * (1 - a(i)) * x(i))),
        "Q2c": (D(E, b), c.mean(lambda i: (a(i) - y(i)) * a(i) * (1 + a(i)))),
        "Q3": (D(T3, w), c.mean(lambda i: (1 - tanh(w * x(i)) ** 2) * x(i))),
        "Q3a": (D(T3, w), c.mean(lambda i: (1 - tanh(w * x(i))) ** 2 * x(i))),
    }


# --------------------------------------------------------------------------------------------
# deciding


def sample(rng: random.Random, kind: str):
    if kind == "real":
        while True:
            v = sp.Rational(rng.randint(-9, 9), rng.choice((1, 2, 3, 4)))
            if v != 0:
                return v
    if kind == "pos":
        return sp.Rational(rng.randint(1, 9), rng.choice((1, 2, 3, 4)))
    if kind == "unit":
        m = rng.choice((3, 5, 7, 11, 13))
        return sp.Rational(rng.randint(1, m - 1), m)
    if kind == "pm1":
        return sp.Integer(rng.choice((-1, 1)))
    if kind == "count":
        return sp.Integer(rng.randint(0, 6))
    raise ValueError(kind)


def base_of(sym: sp.Symbol) -> str:
    return sym.name.split("_")[0]


def numeric(e):
    v = sp.N(e, DIGITS)
    if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    return v


KINKS = (sp.Heaviside, sp.DiracDelta, sp.sign, sp.Abs, sp.Max)


def kink_points(pairs):
    """Expressions that must not vanish: the arguments of |.|, sign, max, 1[.] (a kink there)."""
    out = set()
    for lhs, rhs in pairs:
        for f in lhs.atoms(*KINKS) | rhs.atoms(*KINKS):
            out.add(f.args[0] - f.args[1] if isinstance(f, sp.Max) else f.args[0])
    return out


def holds(pairs, values, kinks=()) -> bool | None:
    """True / False, or None when a value is undefined (division by zero, a kink): resample."""
    for k in kinks:
        v = numeric(k.xreplace(values))
        if v is None or abs(v) < TOL:
            return None
    for lhs, rhs in pairs:
        lv, rv = numeric(lhs.xreplace(values)), numeric(rhs.xreplace(values))
        if lv is None or rv is None:
            return None
        if not (lv.is_number and rv.is_number):
            raise RuntimeError(f"not a number after substitution: {lv} / {rv}")
        if abs(sp.im(lv)) > TOL or abs(sp.im(rv)) > TOL:
            return False  # not a real number: the claim does not hold there
        scale = 1 + abs(sp.re(lv)) + abs(sp.re(rv))
        if abs(sp.re(lv) - sp.re(rv)) > TOL * scale:
            return False
    return True


def as_pairs(entry):
    pairs = entry if isinstance(entry, list) else [entry]
    return [(sp.sympify(l), sp.sympify(r)) for l, r in pairs]


def trials(name, label, spec, built, domains):
    """Per size, how many of the trials hold."""
    out = []
    for n, claims in built.items():
        pairs = as_pairs(claims[label])
        syms = sorted(set().union(*[(l.free_symbols | r.free_symbols) for l, r in pairs]), key=str)
        kinks = kink_points(pairs)
        ok = 0
        for t in range(TRIALS):
            rng = random.Random(zlib.crc32(f"{name}:{label}:{n}:{t}:{sorted(domains.items())}".encode()))
            for _attempt in range(50):
                values = {s: sample(rng, domains.get(base_of(s), spec["domains"].get(base_of(s), "real")))
                          for s in syms}
                verdict = holds(pairs, values, kinks)
                if verdict is not None:
                    break
            else:
                raise RuntimeError(f"{name} ({label}): no defined sample point at n = {n}")
            ok += bool(verdict)
        out.append((n, ok))
    return out


class Timeout(Exception):
    pass


def symbolic(pairs, seconds=4):
    def alarm(*_):
        raise Timeout()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        return all(sp.simplify(l - r) == 0 for l, r in pairs)
    except Timeout:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def decide(name, spec, symbolic_check=True, log_lines=None):
    built = {n: spec["build"](Ctx(n)) for n in spec["sizes"]}
    result = {}
    for label, (expected, note) in spec["expect"].items():
        entry = {"truth": expected}
        if note:
            entry["note"] = note
        if expected in (DEF, UPD, APPROX):
            if any(label in claims for claims in built.values()):
                raise RuntimeError(f"{name} ({label}): structural, but has a translation")
            result[label] = entry
            continue
        if not all(label in claims for claims in built.values()):
            raise RuntimeError(f"{name} ({label}): a claim without a translation")
        full = trials(name, label, spec, built, {})
        every = all(ok == TRIALS for _, ok in full)
        if label in spec["conditional"]:
            restricted = trials(name, label, spec, built, spec["conditional"][label])
            if all(ok == TRIALS for _, ok in restricted) and not every:
                computed = "conditional"
            else:
                computed = "true" if every else "false"
        else:
            computed = "true" if every else "false"
        if computed != expected:
            raise RuntimeError(f"{name} ({label}): computed {computed}, the author meant {expected}; "
                               f"trials holding per size: {full}")
        if computed == "true" and symbolic_check:
            n0 = next((n for n in spec["sizes"] if n >= 2), spec["sizes"][0])
            proof = symbolic(as_pairs(built[n0][label]))
            if log_lines is not None:
                log_lines.append(f"  {name} ({label}): symbolic at size {n0}: "
                                 f"{'proven' if proof else 'not proven (numeric only)'}")
        result[label] = entry
    return {"style": spec["style"], "equations": result}


def render(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the truth files are up to date")
    ap.add_argument("--no-symbolic", action="store_true", help="skip the symbolic checks")
    ap.add_argument("docs", nargs="*", help="only these documents (names without extension)")
    args = ap.parse_args(argv)
    names = args.docs or list(DOCS)
    stale, lines, totals = [], [], {}
    for name in names:
        spec = DOCS[name]
        if not (HERE / spec["file"]).exists():
            raise SystemExit(f"missing document {spec['file']}")
        truth = decide(name, spec, symbolic_check=not (args.check or args.no_symbolic), log_lines=lines)
        for e in truth["equations"].values():
            totals[e["truth"]] = totals.get(e["truth"], 0) + 1
        path = HERE / f"{name}.truth.json"
        text = render(truth)
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(path.name)
        else:
            path.write_text(text)
        print(f"{name}: {len(truth['equations'])} equations", flush=True)
    for line in lines:
        print(line)
    print(f"{len(names)} documents, {sum(totals.values())} numbered equations: "
          + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    if args.check:
        if stale:
            print("out of date: " + ", ".join(stale))
            return 1
        print("all truth files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
