# ruff: noqa
"""Independent plain-SymPy oracle for the documents in docs/.

For every document a function returns {label: "definition" | claim}, where a claim is a
callable n -> list of (lhs, rhs) SymPy pairs (several pairs for a chain a = b = c, for a
step, or for every concrete sample index i of a per-sample claim).  Sums are expanded for
concrete n; the true left side is computed by sympy.diff of the cost as I read it.
A claim is "true" when lhs - rhs vanishes at every tested n and at several random rational
points (evaluated to 60 digits), "false" otherwise.  A symbolic simplify is also tried for
information.
"""
import json, random, sys
import sympy as sp
from sympy import Rational as R, exp, log, sqrt, tanh, cosh

random.seed(12345)

class Fam:
    """x[k] -> symbol x_k (per-sample value of sample k)."""
    def __init__(self, name, positive=False):
        self.name, self.pos = name, positive
    def __getitem__(self, k):
        return sp.Symbol(f"{self.name}_{k}", positive=True) if self.pos else sp.Symbol(f"{self.name}_{k}", real=True)

def S(f, lo, hi):
    """sum_{k=lo}^{hi} f(k); empty (0) when hi < lo."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])

def sig(u):
    return 1 / (1 + exp(-u))

def dsig(u):
    return sig(u) * (1 - sig(u))

x, y, t, c, a = Fam("x"), Fam("y"), Fam("t"), Fam("c", positive=True), Fam("a")
x1f, x2f = Fam("xA"), Fam("xB")          # Ng-style features x_1^{(i)}, x_2^{(i)}
w, b, u, v, d, beta, theta, alpha, lam, eta = sp.symbols("w b u v d beta theta alpha lambda eta", real=True)
th0, th1, th2 = sp.symbols("theta0 theta1 theta2", real=True)
delta, eps = sp.symbols("delta epsilon", positive=True)
z, X, Y, h = sp.symbols("z X Y h", real=True)
wpos = sp.Symbol("wp", positive=True)
m_const = sp.Symbol("m", positive=True)
w1, b1, w2, b2 = sp.symbols("w1 b1 w2 b2", real=True)

D = sp.diff

# ---------------------------------------------------------------- documents
def hw1_linreg():
    C = lambda n: S(lambda i: (w*x[i] + b - y[i])**2, 1, n) / n
    dw = lambda n: D(C(n), w)
    return {
        "1": "definition",
        "2": lambda n: [(dw(n), S(lambda i: D((w*x[i] + b - y[i])**2, w), 1, n) / n)],
        "3": lambda n: [(dw(n), S(lambda i: 2*(w*x[i] + b - y[i])*x[i], 1, n) / n)],
        "4": lambda n: [(dw(n), R(2)/n * S(lambda i: x[i]*(w*x[i] + b - y[i]), 1, n))],
        "5": lambda n: [(D(C(n), b), R(2)/n * S(lambda i: w*x[i] + b - y[i], 1, n))],
        "6": lambda n: [(D(C(n), b), 2*(w*S(lambda i: x[i], 1, n)/n + b - S(lambda i: y[i], 1, n)/n))],
        "7": lambda n: [(D(C(n), w, 2), R(2)/n * S(lambda i: x[i]**2, 1, n))],
    }

def lecture_ridge():
    J = lambda n: S(lambda i: (w*x[i] + b - y[i])**2, 1, n) / (2*n) + lam/2*w**2
    dw = lambda n: D(J(n), w)
    r = lambda i: w*x[i] + b - y[i]
    return {
        "1": "definition",
        "2": lambda n: [(dw(n), S(lambda i: 2*r(i)*x[i], 1, n)/(2*n) + lam*w)],
        "3": lambda n: [(dw(n), S(lambda i: r(i)*x[i], 1, n)/n + lam*w)],
        "4": lambda n: [(D(J(n), b), S(lambda i: r(i), 1, n)/n)],
        "5": lambda n: [(D(J(n), w, 2), S(lambda i: x[i]**2, 1, n)/n + lam)],
        "6": lambda n: [(D(J(n), w, b), S(lambda i: x[i], 1, n)/n)],
        "7": "definition",
        "8": lambda n: [(dw(n), (S(lambda i: x[i]**2, 1, n)/n + lam)*w + S(lambda i: (b - y[i])*x[i], 1, n)/n)],
    }

def blog_logistic():
    yh = lambda i: sig(w*x[i] + b)
    L = lambda n: -S(lambda i: y[i]*log(yh(i)) + (1 - y[i])*log(1 - yh(i)), 1, n)/n
    dw = lambda n: D(L(n), w)
    return {
        "1": "definition",
        "2": lambda n: [(D(sig(z), z), sig(z)*(1 - sig(z)))],
        "3": lambda n: sum(([(D(log(yh(i)), w), 1/yh(i)*yh(i)*(1 - yh(i))*x[i]),
                             (D(log(yh(i)), w), (1 - yh(i))*x[i])] for i in range(1, n + 1)), []),
        "4": lambda n: [(D(log(1 - yh(i)), w), -yh(i)*x[i]) for i in range(1, n + 1)],
        "5": lambda n: [(dw(n), -S(lambda i: y[i]*(1 - yh(i))*x[i] - (1 - y[i])*yh(i)*x[i], 1, n)/n)],
        "6": lambda n: [(dw(n), -S(lambda i: (y[i] - yh(i))*x[i], 1, n)/n)],
        "7": lambda n: [(dw(n), S(lambda i: (yh(i) - y[i])*x[i], 1, n)/n)],
        "8": lambda n: [(D(L(n), b), S(lambda i: yh(i) - y[i], 1, n)/n)],
    }

def exam_logistic_wrong():
    p = lambda j: sig(theta*x[j])
    l = lambda m: -S(lambda j: t[j]*log(p(j)) + (1 - t[j])*log(1 - p(j)), 1, m)
    return {
        "4.1": "definition",
        "4.2": lambda m: [(D(l(m), theta), -S(lambda j: (t[j]/p(j) - (1 - t[j])/(1 - p(j)))*D(p(j), theta), 1, m))],
        "4.3": lambda m: [(D(p(j), theta), p(j)*(1 - p(j))*x[j]) for j in range(1, m + 1)],
        "4.4": lambda m: [(D(l(m), theta), S(lambda j: (t[j] - p(j))*x[j], 1, m))],
        "4.5": "definition",
        "4.6": lambda m: [(D(l(m), theta, 2), S(lambda j: p(j)*(1 - p(j))*x[j]**2, 1, m))],
    }

def softplus_notes():
    zeta = lambda s: log(1 + exp(s))
    C = lambda n: S(lambda i: zeta(-y[i]*w*x[i]), 1, n)/n
    return {
        "3.31": "definition",
        "3.32": lambda n: [(D(zeta(X), X), exp(X)/(1 + exp(X))), (D(zeta(X), X), sig(X))],
        "3.33": lambda n: [(D(zeta(X), X, 2), sig(X)*(1 - sig(X)))],
        "3.34": lambda n: [(1 - sig(X), sig(-X))],
        "3.35": lambda n: [(log(sig(X)), -zeta(-X))],
        "3.36": lambda n: [(zeta(X) - zeta(-X), X)],
        "3.37": "definition",
        "3.38": lambda n: [(D(C(n), w), -S(lambda i: y[i]*x[i]*sig(-y[i]*w*x[i]), 1, n)/n)],
    }

def tanh_neuron():
    A = lambda i: tanh(w*x[i] + b)
    C = lambda n: S(lambda i: (A(i) - y[i])**2, 1, n)/(2*n)
    dlt = lambda i: (A(i) - y[i])*(1 - A(i)**2)
    return {
        "1": "definition", "2": "definition", "3": "definition",
        "4": lambda n: [(D(tanh(z), z), 1 - tanh(z)**2)],
        "5": lambda n: [(D(C(n), w), S(lambda i: (A(i) - y[i])*D(A(i), w), 1, n)/n)],
        "6": lambda n: [(D(C(n), w), S(lambda i: (A(i) - y[i])*(1 - A(i)**2)*x[i], 1, n)/n)],
        "7": lambda n: [(D(C(n), b), S(lambda i: (A(i) - y[i])*(1 - A(i)**2), 1, n)/n)],
        "8": "definition",
        "9": lambda n: [(D(C(n), w), S(lambda i: dlt(i)*x[i], 1, n)/n)],
    }

def tanh_wrong():
    hk = lambda k: tanh(w*x[k] + b)
    E = lambda N: S(lambda k: (hk(k) - y[k])**2, 1, N)/N
    return {
        "1": "definition",
        "2": lambda N: [(D(hk(k), w), (1 - hk(k))*x[k]) for k in range(1, N + 1)],
        "3": lambda N: [(D(E(N), w), R(2)/N*S(lambda k: (hk(k) - y[k])*(1 - hk(k))*x[k], 1, N))],
        "4": lambda N: [(D(E(N), b), R(2)/N*S(lambda k: (hk(k) - y[k])*(1 - hk(k)**2), 1, N))],
    }

def poisson_regression():
    mu = lambda i: exp(w*x[i] + b)
    L = lambda n: S(lambda i: exp(w*x[i] + b) - y[i]*(w*x[i] + b), 1, n)/n
    return {
        "1": "definition",
        "2": lambda n: [(D(L(n), w), S(lambda i: (exp(w*x[i] + b) - y[i])*x[i], 1, n)/n)],
        "3": lambda n: [(D(L(n), b), S(lambda i: mu(i) - y[i], 1, n)/n)],
        "4": lambda n: [(D(L(n), w, 2), S(lambda i: mu(i)*x[i]**2, 1, n)/n)],
        "5": lambda n: [(D(L(n), w, b), S(lambda i: mu(i)*x[i], 1, n)/n)],
        "6": "definition",
    }

def exponential_model():
    lm = lambda i: exp(beta*x[i])
    l = lambda n: S(lambda i: t[i]*lm(i) - log(lm(i)), 1, n)
    lt = lambda n: l(n) + alpha/2*beta**2
    return {
        "E1": "definition",
        "E2": lambda n: [(l(n), S(lambda i: t[i]*exp(beta*x[i]) - beta*x[i], 1, n))],
        "E3": lambda n: [(D(l(n), beta), S(lambda i: (t[i]*lm(i) - 1)*x[i], 1, n))],
        "E4": lambda n: [(D(l(n), beta, 2), S(lambda i: t[i]*lm(i)*x[i]**2, 1, n))],
        "E5": "definition",
        "E6": lambda n: [(D(lt(n), beta), S(lambda i: (t[i]*lm(i) - 1)*x[i], 1, n) + alpha*beta)],
    }

def pseudo_huber():
    r = lambda i: w*x[i] - y[i]
    C = lambda n: S(lambda i: delta**2*(sqrt(1 + (r(i)/delta)**2) - 1), 1, n)/n
    dw = lambda n: D(C(n), w)
    return {
        "1": "definition", "2": "definition",
        "3": lambda n: [(dw(n), S(lambda i: delta**2/(2*sqrt(1 + (r(i)/delta)**2))*2*r(i)*x[i]/delta**2, 1, n)/n)],
        "4": lambda n: [(dw(n), S(lambda i: r(i)*x[i]/(delta*sqrt(1 + r(i)**2/delta**2)), 1, n)/n)],
        "5": lambda n: [(dw(n), S(lambda i: r(i)*x[i]/sqrt(delta**2 + r(i)**2), 1, n)/n)],
    }

def log_cosh():
    r = lambda i: w*x[i] + b - y[i]
    C = lambda n: S(lambda i: log(cosh(r(i))), 1, n)/n
    return {
        "1": "definition",
        "2": lambda n: [(D(log(cosh(z)), z), tanh(z))],
        "3": lambda n: [(D(C(n), w), S(lambda i: tanh(r(i))*x[i], 1, n)/n)],
        "4": lambda n: [(D(C(n), b), S(lambda i: tanh(r(i)), 1, n)/n)],
        "5": lambda n: [(D(C(n), b, 2), S(lambda i: 1 - tanh(r(i))**2, 1, n)/n)],
    }

def two_layer_sigmoid():
    A1 = lambda i: sig(w1*x[i] + b1)
    A2 = lambda i: sig(w2*A1(i) + b2)
    C = lambda n: S(lambda i: (A2(i) - y[i])**2, 1, n)/(2*n)
    d2 = lambda i: (A2(i) - y[i])*A2(i)*(1 - A2(i))
    d1 = lambda i: d2(i)*w2*A1(i)*(1 - A1(i))
    return {
        "4.1": "definition", "4.2": "definition", "4.3": "definition",
        "4.4": lambda n: [(D(C(n), w2), S(lambda i: d2(i)*A1(i), 1, n)/n)],
        "4.5": lambda n: [(D(C(n), b2), S(lambda i: d2(i), 1, n)/n)],
        "4.6": lambda n: [(D(C(n), w1), S(lambda i: d2(i)*w2*A1(i)*(1 - A1(i))*x[i], 1, n)/n)],
        "4.7": lambda n: [(D(C(n), w1), S(lambda i: d1(i)*x[i], 1, n)/n)],
        "4.8": lambda n: [(D(C(n), b1), S(lambda i: d1(i), 1, n)/n)],
    }

def two_layer_wrong():
    H = lambda i: tanh(u*x[i] + c_)
    Yh = lambda i: v*H(i) + d
    C = lambda n: S(lambda i: (Yh(i) - y[i])**2, 1, n)/n
    return {
        "1": "definition", "2": "definition", "3": "definition",
        "4": lambda n: [(D(C(n), v), R(2)/n*S(lambda i: (Yh(i) - y[i])*H(i), 1, n))],
        "5": lambda n: [(D(C(n), d), R(2)/n*S(lambda i: Yh(i) - y[i], 1, n))],
        "6": lambda n: [(D(C(n), u), R(2)/n*S(lambda i: (Yh(i) - y[i])*(1 - H(i)**2)*x[i], 1, n))],
        "7": lambda n: [(D(C(n), c_), R(2)/n*S(lambda i: (Yh(i) - y[i])*v*(1 - H(i)**2), 1, n))],
    }
c_ = sp.Symbol("cc", real=True)   # the hidden bias c of two_layer_wrong (not the weights c_i)

def gd_update():
    Cp = (w - 3)**2 + 1
    C2 = lambda m: S(lambda i: (w*x[i] + b - y[i])**2, 1, m)/(2*m)
    r = lambda i: w*x[i] + b - y[i]
    return {
        "1": "definition", "2": "definition",
        "3": lambda n: [(D(Cp, w), 2*(w - 3))],
        "4": lambda n: [(D(Cp, w).subs(w, 0), -6)],
        "5": lambda n: [(Cp.subs(w, R(6, 10)), R(676, 100))],
        "6": "definition",
        "7": lambda m: [(D(C2(m), w), S(lambda i: r(i)*x[i], 1, m)/m)],
        "8": lambda m: [(D(C2(m), b), S(lambda i: r(i), 1, m)/m)],
        "9": "definition", "10": "definition",
    }

def second_derivative_logistic():
    s = lambda i: sig(w*x[i] + b)
    J = lambda n: -S(lambda i: y[i]*log(s(i)) + (1 - y[i])*log(1 - s(i)), 1, n)/n
    return {
        "1": "definition",
        "2": lambda n: [(D(J(n), w), S(lambda i: (s(i) - y[i])*x[i], 1, n)/n)],
        "3": lambda n: [(D(J(n), w, 2), S(lambda i: s(i)*(1 - s(i))*x[i]**2, 1, n)/n)],
        "4": lambda n: [(D(J(n), w, b), S(lambda i: s(i)*(1 - s(i))*x[i], 1, n)/n)],
        "5": lambda n: [(D(J(n), b, 2), S(lambda i: s(i)*(1 - s(i)), 1, n)/n)],
        "6": lambda n: [(D((s(i) - y[i])*x[i], w), s(i)*(1 - s(i))*x[i]**2) for i in range(1, n + 1)],
    }

def second_derivative_wrong():
    C = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/n
    ws = lambda n: S(lambda i: x[i]*y[i], 1, n)/S(lambda i: x[i]**2, 1, n)
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), R(2)/n*S(lambda i: (w*x[i] - y[i])*x[i], 1, n))],
        "3": lambda n: [(D(C(n), w, 2), R(2)/n*S(lambda i: x[i], 1, n))],
        "4": "definition",
        "5": lambda n: [(D(C(n), w).subs(w, ws(n)), 0)],
        "6": lambda n: [(C(n), C(n).subs(w, ws(n)) + S(lambda i: x[i]**2, 1, n)/n*(w - ws(n))**2)],
    }

def cross_entropy_binary():
    # (2),(3),(4): a_i and z_i as the variables; (5): everything substituted.
    A = a
    Ca = lambda n: -S(lambda i: y[i]*log(A[i]) + (1 - y[i])*log(1 - A[i]), 1, n)/n
    zs = Fam("z")
    Cz = lambda n: -S(lambda i: y[i]*log(sig(zs[i])) + (1 - y[i])*log(1 - sig(zs[i])), 1, n)/n
    Cw = lambda n: Cz(n).subs({zs[i]: w*x[i] + b for i in range(1, n + 1)})
    return {
        "1": "definition",
        "2": lambda n: sum(([(D(Ca(n), A[i]), -(y[i]/A[i] - (1 - y[i])/(1 - A[i]))/n),
                             (D(Ca(n), A[i]), (A[i] - y[i])/(n*A[i]*(1 - A[i])))] for i in range(1, n + 1)), []),
        "3": lambda n: [(D(sig(zs[i]), zs[i]), sig(zs[i])*(1 - sig(zs[i]))) for i in range(1, n + 1)],
        "4": lambda n: sum(([(D(Cz(n), zs[i]), D(Ca(n), A[i]).subs(A[i], sig(zs[i])) * D(sig(zs[i]), zs[i])),
                             (D(Cz(n), zs[i]), (sig(zs[i]) - y[i])/n)] for i in range(1, n + 1)), []),
        "5": lambda n: [(D(Cw(n), w), S(lambda i: D(Cz(n), zs[i]).subs({zs[k]: w*x[k] + b for k in range(1, n + 1)})*x[i], 1, n)),
                        (D(Cw(n), w), S(lambda i: (sig(w*x[i] + b) - y[i])*x[i], 1, n)/n)],
    }

def l2_logistic():
    zk = lambda k: th0 + th1*x[k]
    J = lambda N: -S(lambda k: y[k]*log(sig(zk(k))) + (1 - y[k])*log(1 - sig(zk(k))), 1, N)/N + lam/2*th1**2
    return {
        "1": "definition",
        "2": lambda N: [(D(J(N), th0), S(lambda k: sig(zk(k)) - y[k], 1, N)/N)],
        "3": lambda N: [(D(J(N), th1), S(lambda k: (sig(zk(k)) - y[k])*x[k], 1, N)/N + 2*lam*th1)],
        "4": "definition",
        "5": lambda N: [(D(J(N), th1, 2), S(lambda k: sig(zk(k))*(1 - sig(zk(k)))*x[k]**2, 1, N)/N + lam)],
    }

def finite_difference():
    C = lambda n, W: S(lambda i: log(1 + exp(-W*x[i])), 1, n)/n
    Cp = lambda n: D(C(n, w), w)
    Cpp = lambda n: D(C(n, w), w, 2)
    lim = lambda e: sp.limit(e, h, 0)
    return {
        "1": "definition",
        "2": lambda n: [(Cp(n), -S(lambda i: x[i]/(1 + exp(w*x[i])), 1, n)/n)],
        # approximations: the side with h must tend to the other side as h -> 0
        "3": (lambda n: [(Cp(n), lim((C(n, w + h) - C(n, w - h))/(2*h)))], (1, 2)),
        "4": (lambda n: [(Cp(n), lim((C(n, w + h) - C(n, w))/h))], (1, 2)),
        # expansion to order 1 in h: sides must differ by o(h)
        "5": (lambda n: [(lim((C(n, w + h) - (C(n, w) + h*Cp(n)))/h), 0)], (1, 2)),
        "6": (lambda n: [(Cpp(n), lim((C(n, w + h) - 2*C(n, w) + C(n, w - h))/h**2))], (1, 2)),
    }

def nielsen_style():
    Z1, Z2 = sp.symbols("Z1 Z2", real=True)
    xx, yy = sp.symbols("xx yy", real=True)
    # C as a function of z^2 (for delta^2) and of z^1 (for delta^1)
    C_of_z2 = (sig(Z2) - yy)**2/2
    C_of_z1 = C_of_z2.subs(Z2, w2*sig(Z1) + b2)
    sub1 = {Z1: w1*xx + b1}
    delta2 = D(C_of_z2, Z2).subs(Z2, w2*sig(Z1) + b2)
    delta1 = D(C_of_z1, Z1)
    C_full = C_of_z1.subs(sub1)
    a1 = sig(Z1); z2 = w2*sig(Z1) + b2; a2 = sig(z2)
    return {
        "1": "definition", "2": "definition", "3": "definition", "4": "definition", "5": "definition",
        "6": lambda n: [(delta2.subs(sub1), ((a2 - yy)*dsig(z2)).subs(sub1))],
        "7": lambda n: [(delta1.subs(sub1), (w2*delta2*dsig(Z1)).subs(sub1))],
        "8": lambda n: [(D(C_full, w2), (a1*delta2).subs(sub1))],
        "9": lambda n: [(D(C_full, b1), delta1.subs(sub1))],
        "10": lambda n: [(D(C_full, w1), (xx*delta1).subs(sub1))],
    }

def ce_sigmoid_neuron():
    xx, yy = sp.symbols("xx yy", real=True)
    zz = w*xx + b
    A = sig(zz)
    CQ = (yy - A)**2/2
    CE = -(yy*log(A) + (1 - yy)*log(1 - A))
    return {
        "1": "definition",
        "2": lambda n: [(D(CQ, w), (A - yy)*dsig(zz)*xx)],
        "3": lambda n: [(D(CQ, b), (A - yy)*dsig(zz))],
        "4": "definition",
        "5": lambda n: [(D(CE, w), -(yy/sig(zz) - (1 - yy)/(1 - sig(zz)))*dsig(zz)*xx)],
        "6": lambda n: [(D(CE, w), dsig(zz)*xx/(sig(zz)*(1 - sig(zz)))*(sig(zz) - yy))],
        "7": lambda n: [(D(CE, w), xx*(sig(zz) - yy))],
        "8": lambda n: [(D(CE, b), sig(zz) - yy)],
    }

def exam_solution_chain():
    C = lambda n: S(lambda i: log(1 + exp(-y[i]*w*x[i])), 1, n)/n
    dC = lambda n: D(C(n), w)
    return {
        "a": "definition",
        "b": lambda n: [(dC(n), S(lambda i: 1/(1 + exp(-y[i]*w*x[i]))*D(1 + exp(-y[i]*w*x[i]), w), 1, n)/n)],
        "c": lambda n: [(dC(n), S(lambda i: -y[i]*x[i]*exp(-y[i]*w*x[i])/(1 + exp(-y[i]*w*x[i])), 1, n)/n)],
        "d": lambda n: [(dC(n), -S(lambda i: y[i]*x[i]/(1 + exp(y[i]*w*x[i])), 1, n)/n)],
        "e": lambda n: [(dC(n), -S(lambda i: y[i]*x[i]*sig(-y[i]*w*x[i]), 1, n)/n)],
        "f": lambda n: [(D(C(n), w, 2), S(lambda i: y[i]**2*x[i]**2*sig(y[i]*w*x[i])*sig(-y[i]*w*x[i]), 1, n)/n)],
    }

def exam_chain_wrong():
    E = lambda m: S(lambda j: (exp(w*x[j]) - y[j])**2, 1, m)/(2*m)
    dE = lambda m: D(E(m), w)
    return {
        "3.1": "definition",
        "3.2": lambda m: [(dE(m), S(lambda j: 2*(exp(w*x[j]) - y[j])*D(exp(w*x[j]), w), 1, m)/(2*m))],
        "3.3": lambda m: [(dE(m), S(lambda j: (exp(w*x[j]) - y[j])*exp(w*x[j]), 1, m)/m)],
        "3.4": lambda m: [(dE(m), S(lambda j: (exp(2*w*x[j]) - y[j]*exp(w*x[j]))*x[j], 1, m)/m)],
        "3.5": lambda m: [(D(E(m), w, 2), S(lambda j: (2*exp(2*w*x[j]) - y[j]*exp(w*x[j]))*x[j], 1, m)/m)],
    }

def softplus_neuron():
    zs = Fam("z")
    Z = lambda i: w*x[i] + b
    A = lambda i: log(1 + exp(Z(i)))
    C = lambda n: S(lambda i: (A(i) - y[i])**2, 1, n)/(2*n)
    return {
        "1": "definition", "2": "definition", "3": "definition",
        "4": lambda n: sum(([(D(log(1 + exp(zs[i])), zs[i]), exp(zs[i])/(1 + exp(zs[i]))),
                             (D(log(1 + exp(zs[i])), zs[i]), sig(zs[i]))] for i in range(1, n + 1)), []),
        "5": lambda n: [(D(C(n), w), S(lambda i: (A(i) - y[i])*sig(Z(i))*x[i], 1, n)/n)],
        "6": lambda n: [(D(C(n), b), S(lambda i: (A(i) - y[i])*sig(Z(i)), 1, n)/n)],
    }

def poisson_wrong():
    L = lambda N: S(lambda k: exp(beta*x[k]) - y[k]*beta*x[k], 1, N)/N
    return {
        "1": "definition",
        "2": lambda N: [(D(L(N), beta), S(lambda k: (exp(beta*x[k]) - y[k])*x[k], 1, N)/N)],
        "3": lambda N: [(D(L(N), beta, 2), S(lambda k: x[k]**2*exp(beta*x[k]), 1, N))],
        "4": "definition",
        "5": lambda N: [(D(L(N), beta).subs(beta, 0), S(lambda k: (1 - y[k])*x[k], 1, N)/N)],
    }

def ng_linreg():
    hyp = lambda i: th0 + th1*x1f[i] + th2*x2f[i]
    J = lambda m: S(lambda i: (hyp(i) - y[i])**2, 1, m)/(2*m)
    return {
        "1": "definition", "2": "definition",
        "3": lambda m: [(D(J(m), th0), S(lambda i: hyp(i) - y[i], 1, m)/m)],
        "4": lambda m: [(D(J(m), th1), S(lambda i: (hyp(i) - y[i])*x1f[i], 1, m)/m)],
        "5": lambda m: [(D(J(m), th2), S(lambda i: (hyp(i) - y[i])*x2f[i], 1, m)/m)],
        "6": "definition",
    }

def ng_wrong():
    r = lambda i: th0 + th1*x[i] - y[i]
    J = lambda m: S(lambda i: r(i)**2, 1, m)/(2*m)
    return {
        "1": "definition",
        "2": lambda m: [(D(J(m), th0), S(lambda i: r(i), 1, m)/(2*m))],
        "3": lambda m: [(D(J(m), th1), S(lambda i: r(i)*x[i], 1, m)/m)],
        "4": lambda m: [(D(J(m), th0, th1), S(lambda i: x[i], 1, m)/m)],
        "5": "definition",
    }

def smooth_l1():
    r = lambda i: w*x[i] + b - y[i]
    C = lambda n: S(lambda i: sqrt(r(i)**2 + eps**2), 1, n)/n
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), S(lambda i: r(i)*x[i]/sqrt(r(i)**2 + eps**2), 1, n)/n)],
        "3": lambda n: [(D(C(n), b), S(lambda i: r(i)/sqrt(r(i)**2 + eps**2), 1, n)/n)],
        "4": lambda n: [(D(C(n), b, 2), S(lambda i: eps**2/(r(i)**2 + eps**2)**R(3, 2), 1, n)/n)],
    }

def sigmoid_identities():
    return {
        "1": "definition",
        "2": lambda n: [(D(sig(z), z), sig(z)*(1 - sig(z)))],
        "3": lambda n: [(D(sig(z), z), exp(-z)/(1 + exp(-z))**2)],
        "4": lambda n: [(sig(-z), 1 - sig(z))],
        "5": lambda n: [(D(log(sig(z)), z), 1 - sig(z))],
        "6": lambda n: [(tanh(z), 2*sig(2*z) - 1)],
        "7": lambda n: [(D(tanh(z), z), 4*dsig(2*z))],
        "8": lambda n: [(D(sig(z), z, 2), sig(z)*(1 - sig(z))*(1 - 2*sig(z)))],
        "9": lambda n: [(dsig(0), R(1, 4))],
    }

def sigmoid_identities_wrong():
    A = sp.Symbol("A", real=True)
    return {
        "T1": lambda n: [(D(log(sig(X)), X), sig(X))],
        "T2": lambda n: [(D(log(1 - sig(X)), X), -sig(X))],
        "T3": lambda n: [(D(sig(X)**2, X), 2*sig(X)**2*(1 - sig(X)))],
        "T4": lambda n: [(D(sig(A*X), X), A*sig(A*X)*(1 + sig(A*X)))],
        "T5": lambda n: [(sig(X) + sig(-X), 1)],
    }

def weighted_mse():
    C = lambda n: S(lambda i: c[i]*(w*x[i] - y[i])**2, 1, n)/S(lambda i: c[i], 1, n)
    ws = lambda n: S(lambda i: c[i]*x[i]*y[i], 1, n)/S(lambda i: c[i]*x[i]**2, 1, n)
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), 2*S(lambda i: c[i]*(w*x[i] - y[i])*x[i], 1, n)/S(lambda i: c[i], 1, n))],
        "3": "definition",
        "4": lambda n: [(D(C(n), w).subs(w, ws(n)), 0)],
    }

def sgd_per_sample():
    l = lambda i: (w*x[i] - y[i])**2/2
    C = lambda n: S(l, 1, n)/n
    return {
        "1": "definition", "2": "definition",
        "3": lambda n: [(D(l(i), w), (w*x[i] - y[i])*x[i]) for i in range(1, n + 1)],
        "4": lambda n: [(D(C(n), w), S(lambda i: (w*x[i] - y[i])*x[i], 1, n)/n)],
        "5": lambda n: [(S(lambda i: D(l(i), w), 1, n), n*D(C(n), w))],
        "6": "definition",
    }

# ---------------------------------------------------------------- hostile documents
def hostile_ranges():
    C = lambda n: S(lambda i: (w*x[i] - y[i])**2, 2, n)
    r = lambda i: (w*x[i] - y[i])*x[i]
    Ct = lambda n: S(lambda i: (w*x[i] - y[i])**2, 101, n)/n
    E = lambda n: S(lambda i: (a[i] - y[i])**2, 2, n)/n
    big = (1, 2, 3, 4, 50, 51, 101, 102)     # thresholds at 50 and 100 need n beyond them
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), 2*S(r, 1, n))],
        "3": lambda n: [(D(C(n), w), 2*S(r, 2, n))],
        "4": lambda n: [(D(C(n), w), 2*S(r, 1, n) - 2*r(1))],
        "5": lambda n: [(S(lambda i: x[i], n + 1, n), x[n])],
        "6": lambda n: [(S(lambda i: 1, 2, n), n - 1)],
        "7": lambda n: [(S(lambda i: 1, 3, n), n - 2)],
        "8": lambda n: [(S(lambda i: x[i], 0, n), S(lambda i: x[i], 1, n))],
        "9": "definition",
        "10": (lambda n: [(D(Ct(n), w), 0)], big),
        "11": "definition",
        "12": (lambda n: [(D(Ct(n), w), 0)], big),
        "13": (lambda n: [(S(lambda i: 1, 101, n), 0)], big),
        "14": (lambda n: [(S(lambda i: x[i]*(1 if i > 50 else 0), 1, n), 0)], big),
        "15": "definition",
        "16": lambda n: [(D(E(n), a[i]), R(2)/n*(a[i] - y[i])) for i in range(1, n + 1)],
        "17": lambda n: [(D(E(n), a[1]), 0)],
        "18": lambda n: [(D(E(n), a[n]), R(2)/n*(a[n] - y[n]))],
        "19": lambda n: [(S(lambda i: D(E(n), a[i]), 1, n), R(2)/n*S(lambda i: a[i] - y[i], 2, n))],
        "20": lambda n: [(S(lambda i: D(E(n), a[i]), 1, n), R(2)/n*S(lambda i: a[i] - y[i], 1, n))],
    }

def hostile_capture():
    C = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/n
    sx = lambda n: S(lambda i: x[i], 1, n)
    sy = lambda n: S(lambda i: y[i], 1, n)
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), R(2)/n*x[i]*S(lambda k: w*x[k] - y[k], 1, n)) for i in range(1, n + 1)],
        # inner \sum_{i} rebinds i: the product of the two sums
        "3": lambda n: [(D(C(n), w), R(2)/n*S(lambda k: w*x[k] - y[k], 1, n)*sx(n))],
        "4": lambda n: [(sx(n)*sy(n), S(lambda i: S(lambda j: x[i]*y[j], 1, n), 1, n))],
        "5": lambda n: [(sx(n)*sy(n), S(lambda i: x[i]*y[i], 1, n))],
        "6": lambda n: [(S(lambda j: x[j]*y[i], 1, n), y[i]*sx(n)) for i in range(1, n + 1)],
        "7": lambda n: [(S(lambda j: x[j]*y[i], 1, n), S(lambda k: x[k]*y[k], 1, n)) for i in range(1, n + 1)],
        "8": lambda n: [(D(C(n), y[i]), -R(2)/n*(w*x[i] - y[i])) for i in range(1, n + 1)],
    }

def hostile_operators():
    wp = wpos
    xx = sp.Symbol("xx", real=True)
    xi = x[1]
    # claims with two pairs are checked under both readings (narrow / wide operator or function
    # scope); each is false under both, except (15), true under both.
    return {
        "1": lambda n: [(D(exp(w*xx), w), exp(w)), (D(exp(w)*xx, w), exp(w))],
        "2": lambda n: [(D(log(2*wp), wp), 1/wp)],
        "3": lambda n: [(D(sig(z)**2, z), 2*sig(z)), (D(sig(sig(z)), z), 2*sig(z))],
        "4": lambda n: [(D(log(wp, 2), wp), 1/wp)],
        "5": lambda n: [(D(tanh(w)**2, w), 2*tanh(w))],
        "6": lambda n: [(sig(z)**-1, 1 + exp(-z))],
        "7": lambda n: [(D(log(wp), wp), 1/wp)],
        "8": lambda n: [(D(sp.sin(w), w), sp.cos(w))],
        "9": lambda n: [(D(exp(w*x[i])*x[i], w), x[i]**2*exp(w*x[i])) for i in range(1, n + 1)],
        "10": lambda n: [(D(exp(w)*x[i], w), x[i]*exp(w)) for i in range(1, n + 1)],
        "11": lambda n: [(D(w**2, w) + w, 2*w), (D(w**2 + w, w), 2*w)],
        "12": lambda n: [(D(w**2, w)*w, 2*w), (D(w**2*w, w), 2*w)],
        "13": lambda n: [(D(w*xi, w)*w, xi), (D(w*xi*w, w), xi), (D(w, w)*xi*w, xi)],
        "14": lambda n: [(D(w**2*xi, w) - w**2*xi, 2*w*xi), (D(w**2*xi - w**2*xi, w), 2*w*xi)],
        "15": lambda n: [(D(exp(w), w) - exp(w), 0), (D(exp(w) - exp(w), w), 0)],
        "16": lambda n: [(D(log(wp), wp) + log(wp), 1/wp), (D(2*log(wp), wp), 1/wp)],
    }

def hostile_prose_later():
    P = lambda i: sig(w*x[i])                     # section 1: the prose definition
    L1 = lambda n: -S(lambda i: y[i]*log(P(i)) + (1 - y[i])*log(1 - P(i)), 1, n)/n
    Q = lambda i: w*x[i]                          # section 2: the display (4)
    L2 = lambda n: -S(lambda i: y[i]*log(Q(i)) + (1 - y[i])*log(1 - Q(i)), 1, n)/n
    return {
        "1": "definition",
        "2": lambda n: [(D(L1(n), w), S(lambda i: (P(i) - y[i])*x[i], 1, n)/n)],
        "3": lambda n: [(D(L1(n), w), 0)],
        "4": "definition",
        "5": lambda n: [(D(L2(n), w), -S(lambda i: (y[i]/Q(i) - (1 - y[i])/(1 - Q(i)))*x[i], 1, n)/n)],
    }

def hostile_annotations():
    C = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/n
    P = (w - 3)**2
    # the \text{...} remarks are prose: the claims are what stands before them
    return {
        "1": "definition",
        "2": lambda n: [(D(C(n), w), S(lambda i: (w*x[i] - y[i])*x[i], 1, n)/n)],
        "3": lambda n: [(D(C(n), w), R(2)/n*S(lambda i: (w*x[i] - y[i])*x[i], 1, n))],
        "4": "definition",
        "5": lambda n: [(D(P, w).subs(w, 3), 0)],            # "C'(w) = 0 at w = 3"
        "6": lambda n: [(D(P, w), 2*(w - 3)/w)],
        "7": lambda n: [(D(P, w), 2*(w - 3))],
    }

def gaussian_mle():
    sd = sp.Symbol("sd", positive=True)
    r = lambda i: y[i] - w*x[i] - b
    l = lambda n: R(n, 2)*log(2*sp.pi*sd**2) + S(lambda i: r(i)**2, 1, n)/(2*sd**2)
    return {
        "1": "definition",
        "2": lambda n: [(D(l(n), w), -S(lambda i: r(i)*x[i], 1, n)/sd**2)],
        "3": lambda n: [(D(l(n), b), -S(lambda i: r(i), 1, n)/sd**2)],
        "4": lambda n: [(D(l(n), sd), n/sd - S(lambda i: r(i)**2, 1, n)/sd**3)],
    }

def hostile_prose():
    A = lambda i: tanh(w*x[i] + b)          # the display (1) governs a_i
    C = lambda n: S(lambda i: (A(i) - y[i])**2, 1, n)/(2*n)
    return {
        "1": "definition", "2": "definition",
        "3": lambda n: [(D(C(n), w), S(lambda i: (A(i) - y[i])*A(i)*(1 - A(i))*x[i], 1, n)/n)],
        "4": lambda n: [(D(C(n), w), S(lambda i: (A(i) - y[i])*(1 - A(i)**2)*x[i], 1, n)/n)],
        # false under both prose readings of z_i (missing the factor x_i)
        "5": lambda n: [(D(S(lambda i: (w*x[i])**2, 1, n)/n, w), R(2)/n*S(lambda i: w*x[i], 1, n)),
                        (D(S(lambda i: (w*x[i] + b)**2, 1, n)/n, w), R(2)/n*S(lambda i: w*x[i] + b, 1, n))],
        # (6) claims the sigmoid is 1/(1+e^{z}): false for the logistic sigmoid
        "6": lambda n: [(sig(z), 1/(1 + exp(z)))],
        # (7) under the document's own sigma of (6): sigma' = -sigma(1-sigma)
        "7": lambda n: [(D(1/(1 + exp(z)), z), 1/(1 + exp(z))*(1 - 1/(1 + exp(z))))],
    }

def hostile_redefine():
    C1 = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/n
    C3 = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/(2*n)
    C6 = lambda n: S(lambda i: (w*x[i] + b - y[i])**2, 1, n)/n
    r = lambda i: (w*x[i] - y[i])*x[i]
    return {
        "1": "definition",
        "2": lambda n: [(D(C1(n), w), R(2)/n*S(r, 1, n))],
        # README rule: a name written again with '=' in the same section is a claim about it
        "3": lambda n: [(C1(n), C3(n))],
        "4": lambda n: [(D(C1(n), w), S(r, 1, n)/n)],
        "5": lambda n: [(D(C1(n), w), R(3, 2)/n*S(r, 1, n)), (D(C3(n), w), R(3, 2)/n*S(r, 1, n))],
        "6": "definition",
        "7": lambda n: [(D(C6(n), w), R(2)/n*S(r, 1, n))],
        "8": lambda n: [(D(C6(n), b), R(2)/n*S(lambda i: w*x[i] + b - y[i], 1, n))],
    }

def hostile_counts():
    E = lambda N: S(lambda k: (w*x[k] - t[k])**2, 1, N)/2
    C = lambda n: S(lambda i: (w*x[i] - y[i])**2, 1, n)/m_const
    r = lambda i: (w*x[i] - y[i])*x[i]
    return {
        "1": "definition",
        "2": lambda N: [(D(E(N), w), S(lambda k: (w*x[k] - t[k])*x[k], 1, N))],
        "3": lambda N: [(S(lambda k: x[k], 1, N)/N, S(lambda k: x[k]/k, 1, N))],
        "4": lambda N: [(D(E(N), w), N*(w*x[N] - t[N])*x[N])],
        "5": lambda N: [(D(E(N), w, 2), S(lambda k: x[k]**2, 1, N))],
        "6": "definition",
        "7": lambda n: [(D(C(n), w), R(2)/n*S(r, 1, n))],
        "8": lambda n: [(D(C(n), w), R(2)/m_const*S(r, 1, n))],
    }

DOCS = {
    "docs/hw1_linreg.md": hw1_linreg,
    "docs/lecture_ridge.tex": lecture_ridge,
    "docs/blog_logistic.md": blog_logistic,
    "docs/exam_logistic_wrong.md": exam_logistic_wrong,
    "docs/softplus_notes.md": softplus_notes,
    "docs/tanh_neuron.tex": tanh_neuron,
    "docs/tanh_wrong.md": tanh_wrong,
    "docs/poisson_regression.md": poisson_regression,
    "docs/exponential_model.tex": exponential_model,
    "docs/pseudo_huber.md": pseudo_huber,
    "docs/log_cosh.md": log_cosh,
    "docs/two_layer_sigmoid.md": two_layer_sigmoid,
    "docs/two_layer_wrong.tex": two_layer_wrong,
    "docs/gd_update.md": gd_update,
    "docs/second_derivative_logistic.md": second_derivative_logistic,
    "docs/second_derivative_wrong.md": second_derivative_wrong,
    "docs/cross_entropy_binary.tex": cross_entropy_binary,
    "docs/l2_logistic.md": l2_logistic,
    "docs/finite_difference.md": finite_difference,
    "docs/nielsen_style.md": nielsen_style,
    "docs/ce_sigmoid_neuron.md": ce_sigmoid_neuron,
    "docs/exam_solution_chain.tex": exam_solution_chain,
    "docs/exam_chain_wrong.md": exam_chain_wrong,
    "docs/softplus_neuron.md": softplus_neuron,
    "docs/poisson_wrong.tex": poisson_wrong,
    "docs/ng_linreg.md": ng_linreg,
    "docs/ng_wrong.md": ng_wrong,
    "docs/smooth_l1.md": smooth_l1,
    "docs/sigmoid_identities.md": sigmoid_identities,
    "docs/sigmoid_identities_wrong.tex": sigmoid_identities_wrong,
    "docs/weighted_mse.md": weighted_mse,
    "docs/sgd_per_sample.md": sgd_per_sample,
    "docs/gaussian_mle.md": gaussian_mle,
    "docs/hostile_ranges.md": hostile_ranges,
    "docs/hostile_capture.md": hostile_capture,
    "docs/hostile_operators.md": hostile_operators,
    "docs/hostile_prose.md": hostile_prose,
    "docs/hostile_redefine.md": hostile_redefine,
    "docs/hostile_prose_later.md": hostile_prose_later,
    "docs/hostile_annotations.md": hostile_annotations,
    "docs/hostile_counts.md": hostile_counts,
}

# ---------------------------------------------------------------- comparison
def rand_value(sym):
    if sym.is_positive:
        return R(random.randint(1, 30), random.randint(1, 7))
    while True:
        q = R(random.randint(-14, 14), random.randint(1, 7))
        if q != 0:
            return q

def equal_pair(lhs, rhs, trials=6):
    syms = sorted(sp.sympify(lhs).free_symbols | sp.sympify(rhs).free_symbols, key=str)
    for _ in range(trials if syms else 1):
        vals = {s: rand_value(s) for s in syms}
        try:
            L = sp.N(sp.sympify(lhs).subs(vals), 60)
            Rv = sp.N(sp.sympify(rhs).subs(vals), 60)
        except ZeroDivisionError:
            continue
        if not (L.is_finite and Rv.is_finite):
            continue
        if abs(L - Rv) > sp.Float("1e-40", 60) * (1 + abs(L) + abs(Rv)):
            return False, {str(k): str(v) for k, v in vals.items()}, (str(sp.N(L, 12)), str(sp.N(Rv, 12)))
    return True, None, None

def judge(claim, ns=(1, 2, 3, 4)):
    if isinstance(claim, tuple):
        claim, ns = claim
    for n in ns:
        for lhs, rhs in claim(n):
            ok, where, vals = equal_pair(lhs, rhs)
            if not ok:
                return "false", {"n": n, "point": where, "lhs_rhs": vals}
    return "true", None

def main():
    only = sys.argv[1:]
    truth, details = {}, {}
    for path, fn in DOCS.items():
        if only and not any(o in path for o in only):
            continue
        table = fn()
        truth[path], details[path] = {}, {}
        for label, claim in table.items():
            if claim == "definition":
                truth[path][label] = "definition"
            else:
                verdict, info = judge(claim)
                truth[path][label] = verdict
                if info:
                    details[path][label] = info
        print(path, truth[path], file=sys.stderr)
    if not only:
        with open("truth.json", "w") as fh:
            json.dump(truth, fh, indent=1)
        with open("truth_details.json", "w") as fh:
            json.dump(details, fh, indent=1)

if __name__ == "__main__":
    main()
