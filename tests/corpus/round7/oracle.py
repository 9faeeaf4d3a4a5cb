# ruff: noqa  (the outside tester's own oracle, kept as written)
"""Independent oracle: plain SymPy, concrete n = 1..4, concrete layer chains."""
import json, random
import sympy as sp

random.seed(1)
S = sp.Symbol
def sig(u): return 1/(1+sp.exp(-u))
w, b, x, y, z, t0, t1, lam, eta = sp.symbols('w b x y z theta0 theta1 lambda eta')

def same(l, r, extra_pos=(), trials=12):
    """numeric identity test at random rational points, 40 digits."""
    d = sp.sympify(l - r)
    fs = sorted(d.free_symbols, key=str)
    for _ in range(trials):
        sub = {}
        for s in fs:
            v = sp.Rational(random.randint(-300, 300), 100)
            if s in extra_pos or str(s) in extra_pos:
                v = sp.Rational(random.randint(5, 300), 100)
            if v == 0: v = sp.Rational(7, 10)
            sub[s] = v
        try:
            val = sp.N(d.subs(sub), 40)
        except Exception:
            continue
        if val.has(sp.nan, sp.zoo): continue
        if abs(val) > 1e-25: return False
    return True

def allN(f, ns=(1, 2, 3, 4)):
    return all(f(n) for n in ns)

def vec(name, n): return [S(f"{name}{k}") for k in range(1, n+1)]
T = {}

# d01
def c(n):
    X, Y = vec('x', n), vec('y', n)
    J = sp.Rational(1, 2*n)*sum((t0+t1*X[k]-Y[k])**2 for k in range(n))
    r3 = same(sp.diff(J, t0), sum(t0+t1*X[k]-Y[k] for k in range(n))/n)
    r4 = same(sp.diff(J, t1), sum((t0+t1*X[k]-Y[k])*X[k] for k in range(n))/n)
    return r3, r4
R = [c(n) for n in range(1, 5)]
T["d01_ng_linreg.md"] = {"1": "definition", "2": "definition", "3": str(all(r[0] for r in R)).lower(), "4": str(all(r[1] for r in R)).lower(), "5": "definition"}

def tf(v): return "true" if v else "false"

# d02
def c(n):
    X, Y = vec('x', n), vec('y', n)
    yh = [w*X[k]+b for k in range(n)]
    L = sum((yh[k]-Y[k])**2 for k in range(n))/n
    return [same(sp.diff(L, w), 2*sum((yh[k]-Y[k])*X[k] for k in range(n))/n),
            same(sp.diff(L, b), 2*sum((yh[k]-Y[k]) for k in range(n))/n),
            same(sp.diff(L, w, 2), 2*sum(X[k]**2 for k in range(n))/n),
            same(sp.diff(L, w, b), 2*sum(X[k] for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d02_mse_hat.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(4)}}

# d03
def c(n):
    X, Y = vec('x', n), vec('y', n)
    e = [w*X[k]+b-Y[k] for k in range(n)]
    C = sp.Rational(1, 2*n)*sum(ek**2 for ek in e)
    return [same(sp.diff(C, w), sum(e[k]*X[k] for k in range(n))/n),
            same(sp.diff(C, b), 2*sum(e)/n)]
R = [c(n) for n in range(1, 5)]
T["d03_residuals.md"] = {"1": "definition", "2": "definition", "3": tf(all(r[0] for r in R)), "4": tf(all(r[1] for r in R)), "5": "definition"}

# d04
s = sig(z)
T["d04_sigmoid_facts.md"] = {"1": "definition",
    "2": tf(same(sp.diff(s, z), s*(1-s))), "3": tf(same(1-s, sig(-z))),
    "4": tf(sp.simplify(sp.diff(s, z).subs(z, 0) - sp.Rational(1, 4)) == 0),
    "5": tf(same(sp.diff(s, z, 2), s*(1-s)*(1-2*s))), "6": tf(same(sp.diff(sp.log(s), z), 1-s))}

# d05
zz = w*x+b; a = sig(zz)
A = S('A')
ell_a = -(y*sp.log(A)+(1-y)*sp.log(1-A))
ell = ell_a.subs(A, a)
Z = S('Z'); ellz = ell_a.subs(A, sig(Z))
T["d05_logreg_single.md"] = {"1": "definition", "2": "definition", "3": "definition",
    "4": tf(same(sp.diff(ell_a, A), -y/A+(1-y)/(1-A), extra_pos=('A',)) and True),
    "5": tf(same(sp.diff(ellz, Z), sig(Z)-y)),
    "6": tf(same(sp.diff(ell, w), (a-y)*x)),
    "7": tf(same(sp.diff(ell, b), (a-y)*a*(1-a)))}
# (4): A in (0,1) strictly; check with A in (0,1)
T["d05_logreg_single.md"]["4"] = tf(sp.simplify(sp.diff(ell_a, A) - (-y/A+(1-y)/(1-A))) == 0)

# d06
def c(n):
    X, Y = vec('x', n), vec('y', n)
    h = [sig(t0+t1*X[k]) for k in range(n)]
    J = -sum(Y[k]*sp.log(h[k])+(1-Y[k])*sp.log(1-h[k]) for k in range(n))/n
    return [same(sp.diff(J, t1), sum((h[k]-Y[k])*X[k] for k in range(n))/n),
            same(sp.diff(J, t0), sum((h[k]-Y[k]) for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d06_ng_logreg.md"] = {"1": "definition", "2": "definition", "3": tf(all(r[0] for r in R)), "4": tf(all(r[1] for r in R))}

# d07
def c(n):
    X, Y = vec('x', n), vec('y', n)
    J = sp.Rational(1, 2*n)*sum((w*X[k]-Y[k])**2 for k in range(n)) + lam/2*w**2
    g = sum((w*X[k]-Y[k])*X[k] for k in range(n))/n + lam*w
    ws = sum(X[k]*Y[k] for k in range(n))/(sum(X[k]**2 for k in range(n))+n*lam)
    return [same(sp.diff(J, w), g), same(sp.diff(J, w, 2), sum(X[k]**2 for k in range(n))/n+lam),
            same(sp.diff(J, w).subs(w, ws), 0, extra_pos=('lambda',))]
R = [c(n) for n in range(1, 5)]
T["d07_ridge.md"] = {"1": "definition", "2": tf(all(r[0] for r in R)), "3": tf(all(r[1] for r in R)), "4": "definition", "5": "definition", "6": tf(all(r[2] for r in R))}

# d08
a = sp.tanh(w*x+b); C = (a-y)**2/2
T["d08_tanh_neuron.md"] = {"1": "definition", "2": "definition",
    "3": tf(same(sp.diff(C, w), (a-y)*(1-a**2)*x)), "4": tf(same(sp.diff(C, b), (a-y)*(1-a**2))),
    "5": tf(same(sp.diff(sp.tanh(z), z), 1-sp.tanh(z)**2)), "6": tf(same(sp.tanh(z), 2*sig(2*z)-1))}

# d09 (a.e.; sympy: use Heaviside)
def c(n):
    X, Y = vec('x', n), vec('y', n)
    u = [w*X[k]+b for k in range(n)]
    A_ = [sp.Max(0, uk) for uk in u]
    C = sum((A_[k]-Y[k])**2 for k in range(n))/n
    ind = [sp.Heaviside(uk) for uk in u]
    return [same(sp.diff(C, w), 2*sum((A_[k]-Y[k])*ind[k]*X[k] for k in range(n))/n),
            same(sp.diff(C, b), 2*sum((A_[k]-Y[k])*ind[k] for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d09_relu.md"] = {"1": "definition", "2": "definition", "3": tf(all(r[0] for r in R)), "4": tf(all(r[1] for r in R))}

# d10
sp_ = sp.log(1+sp.exp(z))
T["d10_softplus.md"] = {"1": "definition", "2": tf(same(sp.diff(sp_, z), sig(z))), "3": tf(same(sp.diff(sp_, z), 1/(1+sp.exp(-z)))),
    "4": tf(same(sp.diff(sp_, z, 2), sp.exp(z)/(1+sp.exp(z))**2)), "5": tf(same(sp_ - sp.log(1+sp.exp(-z)), z))}

# d11: concrete chains L = 1..4, every l
def chain(L):
    W = vec('w', L); B = vec('b', L)
    a_prev = x; zs = []; as_ = [x]
    for l in range(L):
        zl = W[l]*a_prev + B[l]; zs.append(zl); a_prev = sig(zl); as_.append(a_prev)
    C = (as_[-1]-y)**2/2
    return W, B, zs, as_, C
def d11():
    ok = {k: True for k in "45678"}
    for L in range(1, 5):
        W, B, zs, as_, C = chain(L)
        # delta^l = dC/dz^l: perturb z^l by symbol eps
        def delta(l):
            e = S('eps'); a_prev = x
            for k in range(L):
                zk = W[k]*a_prev + B[k] + (e if k == l-1 else 0); a_prev = sig(zk)
            return sp.diff((a_prev-y)**2/2, e).subs(e, 0)
        dl = {l: delta(l) for l in range(1, L+1)}
        sp1 = lambda u: sig(u)*(1-sig(u))
        ok["4"] &= same(dl[L], (as_[L]-y)*sp1(zs[L-1]))
        for l in range(1, L):
            ok["5"] &= same(dl[l], W[l]*dl[l+1]*sp1(zs[l-1]))
        for l in range(1, L+1):
            ok["6"] &= same(sp.diff(C, B[l-1]), dl[l])
            ok["7"] &= same(sp.diff(C, W[l-1]), as_[l-1]*dl[l])
            ok["8"] &= same(sp.diff(C, W[l-1]), as_[l]*dl[l])
    return ok
ok = d11()
T["d11_nielsen_chain.md"] = {"1": "definition", "2": "definition", "3": "definition", **{k: tf(v) for k, v in ok.items()}}

# d12
w1, w2, b1, b2 = sp.symbols('w1 w2 b1 b2')
a1 = sig(w1*x+b1); a2 = sig(w2*a1+b2); C = (a2-y)**2
r5 = 2*(a2-y)*a2*(1-a2)*w2*a1*(1-a1)*x
T["d12_two_neurons.md"] = {"1": "definition", "2": "definition", "3": "definition",
    "4": tf(same(sp.diff(C, w1), r5)),  # product of local partials = that expression
    "5": tf(same(sp.diff(C, w1), r5)),
    "6": tf(same(sp.diff(C, b1), 2*(a2-y)*a2*(1-a2)*w2*a1*(1-a1))),
    "7": tf(same(sp.diff(C, w2), 2*(a2-y)*a2*(1-a2)*a1))}

# d13
a = sig(w*x+b); C = (a-y)**2/2
T["d13_leibniz_aligned.md"] = {"1": "definition", "2": "definition", "3": "definition",
    "4": tf(same(sp.diff(C, w), (a-y)*a*(1-a)*x)), "5": tf(same(sp.diff(C, w), (a-y)*a*(1-a)*x)),
    "6": tf(same(sp.diff(C, b), (a-y)*a*(1-a)))}

# d14
def c(n):
    X, Y = vec('x', n), vec('y', n)
    C = sp.Rational(1, 2*n)*sum((w*X[k]+b-Y[k])**2 for k in range(n))
    xb = sum(X)/n; yb = sum(Y)/n
    return [same(sp.diff(C, w), sum((w*X[k]+b-Y[k])*X[k] for k in range(n))/n),
            same(sp.diff(C, w), (w*sum(xx**2 for xx in X)+b*sum(X)-sum(X[k]*Y[k] for k in range(n)))/n),
            same(sp.diff(C, b), sum(w*X[k]+b-Y[k] for k in range(n))/n),
            same(sp.diff(C, b), w*xb+b-yb)]
R = [c(n) for n in range(1, 5)]
T["d14_latex_align.tex"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(4)}}

# d15
Aa, k = sp.symbols('A k')
def c(n):
    Tt, Y = vec('t', n), vec('y', n)
    E = sum((Aa*sp.exp(k*Tt[j])-Y[j])**2 for j in range(n))
    r = [Aa*sp.exp(k*Tt[j])-Y[j] for j in range(n)]
    return [same(sp.diff(E, Aa), 2*sum(r[j]*sp.exp(k*Tt[j]) for j in range(n))),
            same(sp.diff(E, k), 2*sum(r[j]*Aa*sp.exp(k*Tt[j]) for j in range(n))),
            same(sp.diff(E, k), 2*Aa*sum(r[j]*Tt[j]*sp.exp(k*Tt[j]) for j in range(n)))]
R = [c(n) for n in range(1, 5)]
T["d15_expfit.md"] = {"1": "definition", "2": "definition", **{str(j+3): tf(all(r[j] for r in R)) for j in range(3)}}

# d16 (x_i > 0)
cc, p = sp.symbols('c p')
def c(n):
    X, Y = vec('x', n), vec('y', n)
    E = sum((cc*X[j]**p-Y[j])**2 for j in range(n))/2
    r = [cc*X[j]**p-Y[j] for j in range(n)]
    pos = tuple(str(s) for s in X)
    return [same(sp.diff(E, cc), sum(r[j]*X[j]**p for j in range(n)), pos),
            same(sp.diff(E, p), sum(r[j]*cc*X[j]**p*sp.log(X[j]) for j in range(n)), pos),
            same(sp.diff(E, p), sum(r[j]*p*cc*X[j]**(p-1) for j in range(n)), pos)]
R = [c(n) for n in range(1, 5)]
T["d16_powerlaw.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(3)}}

# d17
def c(n):
    X, Y = vec('x', n), vec('y', n)
    C = sp.Rational(1, 2*n)*sum((w*X[k]+b-Y[k])**2 for k in range(n))
    return [same(sp.diff(C, w, 2), sum(xx**2 for xx in X)/n), same(sp.diff(C, b, 2), 1),
            same(sp.diff(C, w, b), sum(X)/n), same(sp.diff(C, b, 2), sp.Rational(1, n))]
R = [c(n) for n in range(1, 5)]
T["d17_hessian.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(4)}}
# note (5): true at m = 1 only -> false as a general claim

# d18: d = 1..3, m = 1..3
def c(m, d):
    th = vec('th', d)
    X = [[S(f"x{i}_{j}") for j in range(1, d+1)] for i in range(1, m+1)]
    Y = vec('y', m)
    h = [sum(th[j]*X[i][j] for j in range(d)) for i in range(m)]
    J = sp.Rational(1, 2*m)*sum((h[i]-Y[i])**2 for i in range(m)) + lam/(2*m)*sum(tj**2 for tj in th)
    return all(same(sp.diff(J, th[kk]), sum((h[i]-Y[i])*X[i][kk] for i in range(m))/m + lam/m*th[kk]) for kk in range(d))
T["d18_multifeature.md"] = {"1": "definition", "2": "definition", "3": tf(all(c(m, d) for m in range(1, 4) for d in range(1, 4))), "4": "definition"}

# d19
def c(n):
    X, Y = vec('x', n), vec('y', n)
    A_ = [sig(w*X[k]+b) for k in range(n)]
    C = -sum(Y[k]*sp.log(A_[k])+(1-Y[k])*sp.log(1-A_[k]) for k in range(n))/n
    return [same(sp.diff(C, w), sum((A_[k]-Y[k])*X[k] for k in range(n))/n),
            same(sp.diff(C, b), sum((A_[k]-Y[k]) for k in range(n))/n),
            same(sp.diff(C, w), sum((A_[k]-Y[k])*X[k]/(A_[k]*(1-A_[k])) for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d19_xent_sum.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(3)}}

# d20
Cw = (w-3)**2
w0 = 0; et = sp.Rational(1, 10)
w1v = w0 - et*sp.diff(Cw, w).subs(w, w0)
T["d20_numeric_step.md"] = {"1": "definition", "2": tf(same(sp.diff(Cw, w), 2*(w-3))), "3": tf(sp.diff(Cw, w).subs(w, 0) == -6),
    "4": "definition", "5": tf(w1v == sp.Rational(6, 10)), "6": tf(Cw.subs(w, w1v) == sp.Rational(576, 100))}

# d21
def c(n):
    X, Y = vec('x', n), vec('y', n)
    C = sp.Rational(1, 2*n)*sum((Y[k]-w*X[k])**2 for k in range(n))
    g = sum((Y[k]-w*X[k])*X[k] for k in range(n))/n
    ws = sum(X[k]*Y[k] for k in range(n))/sum(xx**2 for xx in X)
    return [same(sp.diff(C, w), -g), same(sp.diff(C, w), g), same(sp.diff(C, w).subs(w, ws), 0)]
R = [c(n) for n in range(1, 5)]
T["d21_sign.md"] = {"1": "definition", "2": tf(all(r[0] for r in R)), "3": tf(all(r[1] for r in R)), "4": "definition", "5": tf(all(r[2] for r in R))}

# d22
z1 = w1*x+b1; a1 = sp.tanh(z1); yh = w2*a1+b2; L_ = (yh-y)**2/2
Zs = S('Z'); Lz = ((w2*sp.tanh(Zs)+b2)-y)**2/2
T["d22_tanh_hidden.md"] = {"1": "definition", "2": "definition", "3": "definition", "4": "definition",
    "5": tf(same(sp.diff(L_, w2), (yh-y)*a1)),
    "6": tf(same(sp.diff(Lz, Zs).subs(Zs, z1), (yh-y)*w2*(1-a1**2))),
    "7": tf(same(sp.diff(L_, w1), (yh-y)*w2*(1-a1**2)*x)),
    "8": tf(same(sp.diff(L_, b1), (yh-y)*w2*(1-a1)))}

# d23 (a.e.)
def c(n):
    X, Y = vec('x', n), vec('y', n)
    C = sum(sp.Abs(w*X[k]-Y[k]) for k in range(n))/n
    d = sp.diff(C, w)
    return [same(d, sum(sp.sign(w*X[k]-Y[k])*X[k] for k in range(n))/n),
            same(d, sum(sp.sign(w*X[k]-Y[k]) for k in range(n))/n)]
# sympy diff of Abs with real symbols:
def c(n):
    X = [S(f"x{k}", real=True) for k in range(1, n+1)]; Y = [S(f"y{k}", real=True) for k in range(1, n+1)]
    wr = S('w', real=True)
    C = sum(sp.Abs(wr*X[k]-Y[k]) for k in range(n))/n
    d = sp.diff(C, wr)
    return [same(d, sum(sp.sign(wr*X[k]-Y[k])*X[k] for k in range(n))/n),
            same(d, sum(sp.sign(wr*X[k]-Y[k]) for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d23_l1.md"] = {"1": "definition", "2": tf(all(r[0] for r in R)), "3": tf(all(r[1] for r in R))}

# d24
h = S('h'); Cw = w**3-2*w; dC = sp.diff(Cw, w)
T["d24_findiff.md"] = {"1": "definition",
    "2": tf(sp.simplify(sp.limit((Cw.subs(w, w+h)-Cw.subs(w, w-h))/(2*h), h, 0) - dC) == 0),
    "3": tf(sp.limit((Cw.subs(w, w+h) - Cw - dC*h)/h, h, 0) == 0),
    "4": tf(same(dC, 3*w**2-2)), "5": tf(same(sp.diff(Cw, w, 2), 6*w))}

# d25
Yh = S('Yh'); Lyh = -y*sp.log(Yh)-(1-y)*sp.log(1-Yh)
yh = sig(w*x+b)
T["d25_logloss_hat.md"] = {"1": "definition", "2": "definition",
    "3": tf(sp.simplify(sp.diff(Lyh, Yh) - (Yh-y)/(Yh*(1-Yh))) == 0),
    "4": tf(same(sp.diff(yh, w), yh*(1+yh)*x)),
    "5": tf(same(sp.diff(Lyh.subs(Yh, yh), w), (yh-y)*x))}

# d26
def c(n):
    X, Y = vec('x', n), vec('y', n)
    r = [t0+t1*X[k]-Y[k] for k in range(n)]
    J = sp.Rational(1, 2*n)*(sum(rk**2 for rk in r)+lam*t1**2)
    return [same(sp.diff(J, t0), sum(r)/n), same(sp.diff(J, t1), (sum(r[k]*X[k] for k in range(n))+lam*t1)/n)]
R = [c(n) for n in range(1, 5)]
T["d26_ng_ridge.md"] = {"1": "definition", "2": tf(all(r[0] for r in R)), "3": tf(all(r[1] for r in R)), "4": "definition"}

# d27
def c(n):
    X, Y = vec('x', n), vec('y', n)
    r = [t1*X[k]-Y[k] for k in range(n)]
    J = sp.Rational(1, 2*n)*sum(rk**2 for rk in r); d = sp.diff(J, t1)
    return [same(d, sum(sp.diff(rk**2, t1) for rk in r)/(2*n)),
            same(d, sum(2*r[k]*X[k] for k in range(n))/(2*n)),
            same(d, sum(r[k]*X[k] for k in range(n))/n),
            same(d, (t1*sum(xx**2 for xx in X)-sum(X[k]*Y[k] for k in range(n)))/n)]
R = [c(n) for n in range(1, 5)]
T["d27_ng_steps.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(4)}}

# d28
def c(n):
    X, Y = vec('x', n), vec('y', n)
    l = sum(Y[k]*w*X[k]-sp.exp(w*X[k]) for k in range(n))
    return [same(sp.diff(l, w), sum((Y[k]-sp.exp(w*X[k]))*X[k] for k in range(n))),
            same(sp.diff(l, w, 2), -sum(X[k]**2*sp.exp(w*X[k]) for k in range(n))),
            same(sp.diff(l, w, 2), -sum(X[k]*sp.exp(w*X[k]) for k in range(n)))]
R = [c(n) for n in range(1, 5)]
T["d28_poisson.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(3)}}

# d29
Tt = S('T'); pp = sig(z/Tt)
T["d29_temperature.md"] = {"1": "definition", "2": tf(same(sp.diff(pp, z), pp*(1-pp)/Tt)),
    "3": tf(same(sp.diff(pp, Tt), -z/Tt**2*pp*(1-pp))), "4": tf(same(sp.diff(pp, z), pp*(1-pp)))}

# d30
f = cc/2*(w-k)**2
T["d30_constants.md"] = {"1": "definition", "2": tf(same(sp.diff(f, w), cc*(w-k))), "3": tf(same(sp.diff(f, w, 2), cc)),
    "4": tf(sp.diff(f, w).subs(w, k) == 0)}

# d31
a = sp.log(1+sp.exp(w*x+b)); C = (a-y)**2/2
T["d31_softplus_neuron.md"] = {"1": "definition", "2": "definition",
    "3": tf(same(sp.diff(C, w), (a-y)*sig(w*x+b)*x)), "4": tf(same(sp.diff(C, b), (a-y)*sig(w*x+b))),
    "5": tf(same(sp.diff(a, w), x/(1+sp.exp(-(w*x+b)))))}

# d32
def c(n):
    X, Y = vec('x', n), vec('y', n)
    A1 = [sig(w1*X[k]+b1) for k in range(n)]; A2 = [sig(w2*A1[k]+b2) for k in range(n)]
    C = sp.Rational(1, 2*n)*sum((A2[k]-Y[k])**2 for k in range(n))
    g = [(A2[k]-Y[k])*A2[k]*(1-A2[k]) for k in range(n)]
    return [same(sp.diff(C, w2), sum(g[k]*A1[k] for k in range(n))/n),
            same(sp.diff(C, w1), sum(g[k]*w2*A1[k]*(1-A1[k])*X[k] for k in range(n))/n),
            same(sp.diff(C, b1), sum(g[k]*w2*A1[k]*(1-A1[k]) for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d32_two_layer.tex"] = {"1": "definition", "2": "definition", "3": "definition", **{str(j+4): tf(all(r[j] for r in R)) for j in range(3)}}

# d33
T["d33_quiz.md"] = {"1": "definition", "2": tf(same(sp.diff(1/w, w), -1/w**2)), "3": "definition",
    "4": tf(same(sp.diff(sp.exp(-w**2/2), w), -w*sp.exp(-w**2/2))), "5": "definition",
    "6": tf(same(sp.diff(sp.sqrt(w**2+1), w), w/sp.sqrt(w**2+1))),
    "7": tf(same(sp.diff(sp.log(w**2+1), w), 1/(w**2+1)))}

# d34
def c(n):
    X, Y = vec('x', n), vec('y', n)
    Zs_ = vec('Z', n)
    A_ = [sig(Zs_[k]) for k in range(n)]
    J = -sum(Y[k]*sp.log(A_[k])+(1-Y[k])*sp.log(1-A_[k]) for k in range(n))/n
    r4 = all(same(sp.diff(J, Zs_[k]), (A_[k]-Y[k])/n) for k in range(n))
    sub = {Zs_[k]: w*X[k]+b for k in range(n)}
    Jw = J.subs(sub); Aw = [a_.subs(sub) for a_ in A_]
    return [r4, same(sp.diff(Jw, w), sum((Aw[k]-Y[k])*X[k] for k in range(n))/n),
            same(sp.diff(Jw, b), sum((Aw[k]-Y[k]) for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d34_blog_xent.md"] = {"1": "definition", "2": "definition", "3": "definition", **{str(j+4): tf(all(r[j] for r in R)) for j in range(3)}}

# d35
def c(n):
    Ts, Y = vec('t', n), vec('y', n)
    e = [sp.exp(-Ts[j]/Tt) for j in range(n)]
    r = [Aa*e[j]-Y[j] for j in range(n)]
    E = sum(rj**2 for rj in r)/2
    g = sum(r[j]*Aa*Ts[j]/Tt**2*e[j] for j in range(n))
    return [same(sp.diff(E, Aa), sum(r[j]*e[j] for j in range(n))), same(sp.diff(E, Tt), g), same(sp.diff(E, Tt), -g)]
R = [c(n) for n in range(1, 5)]
T["d35_decay.md"] = {"1": "definition", **{str(j+2): tf(all(r[j] for r in R)) for j in range(3)}}

# d36
def c(n):
    X1, X2, Y = vec('p', n), vec('q', n), vec('y', n)
    yh = [w1*X1[k]+w2*X2[k]+b for k in range(n)]
    C = sum((yh[k]-Y[k])**2 for k in range(n))/n
    return [same(sp.diff(C, w1), 2*sum((yh[k]-Y[k])*X1[k] for k in range(n))/n),
            same(sp.diff(C, w2), 2*sum((yh[k]-Y[k])*X2[k] for k in range(n))/n),
            same(sp.diff(C, w2), 2*sum((yh[k]-Y[k])*X1[k] for k in range(n))/n)]
R = [c(n) for n in range(1, 5)]
T["d36_two_inputs.md"] = {"1": "definition", "2": "definition", **{str(j+3): tf(all(r[j] for r in R)) for j in range(3)}}

# d37
s = sig(z); ds = sp.diff(s, z)
v5 = sp.N(ds.subs(z, 2), 30)
T["d37_at_zero.md"] = {"1": "definition", "2": tf(sp.simplify(ds.subs(z, 0)) == sp.Rational(1, 4)),
    "3": tf(sp.diff(sp.tanh(z), z).subs(z, 0) == 1), "4": tf(s.subs(z, 0) == sp.Rational(1, 2)),
    "5": tf(abs(v5 - sp.Rational(105, 1000)) < 0.0005), "6": tf(same(ds, s*(1+s)))}

# d38
def c(n):
    X, Y = vec('x', n), vec('y', n)
    r = [Y[k]-w*X[k]-b for k in range(n)]
    L = sum(rk**2 for rk in r)
    return [same(sp.diff(L, b), -2*sum(r)), same(sp.diff(L, w), -2*sum(r[k]*X[k] for k in range(n)))]
R = [c(n) for n in range(1, 5)]
T["d38_sum_i.md"] = {"1": "definition", "2": tf(all(r[0] for r in R)), "3": tf(all(r[1] for r in R))}

json.dump(T, open("truth.json", "w"), indent=1, sort_keys=True)
tot = sum(len(v) for v in T.values())
fal = [(d, l) for d, v in T.items() for l, t in v.items() if t == "false"]
print(len(T), "docs", tot, "equations", sum(1 for v in T.values() for t in v.values() if t == "true"), "true", len(fal), "false")
print(fal)

# ---- added probes d39-d44
def c(n):
    X, Y = vec('x', n), vec('y', n)
    J = sp.Rational(1, 2*n)*sum((w*X[k]-Y[k])**2 for k in range(n)) + lam/2*w**2
    return same(sp.diff(J, w), sum((w*X[k]-Y[k])*X[k] for k in range(n))/n + lam*w)
T["d39_ridge_broken.md"] = {"1": "definition", "2": tf(all(c(n) for n in range(1, 5)))}
T["d40_gd_iterates.md"] = {"1": "definition", "2": "definition", "3": "definition"}  # update rules
s = sig(z)
T["d41_dsigma_dz.md"] = {"1": "definition", "2": tf(same(sp.diff(s, z), s*(1-s))),
    "3": tf(sp.simplify(sp.diff(s, z).subs(z, 0)) == sp.Rational(1, 4)), "4": tf(sp.simplify(sp.diff(s, z).subs(z, 0)) == sp.Rational(1, 4))}
yh = sig(w*x+b)
T["d42_hat_prose.md"] = {"1": "definition", "2": tf(same(sp.diff((yh-y)**2/2, w), (yh-y)*yh*(1-yh)*x))}
def c(n):
    X = vec('x', n)
    C = sp.Rational(1, 2*n)*sum((X[k]-b)**2 for k in range(n))
    return same(sp.diff(C, b), b - sum(X)/n)
T["d43_bar_prose.md"] = {"1": "definition", "2": tf(all(c(n) for n in range(1, 5)))}
a = sig(w*x+b)
T["d44_times_cont.md"] = {"1": "definition", "2": "definition", "3": tf(same(sp.diff((a-y)**2/2, w), (a-y)*a*(1-a)*x))}
json.dump(T, open("truth.json", "w"), indent=1, sort_keys=True)
print("with probes:", len(T), "docs", sum(len(v) for v in T.values()), "equations",
      sum(1 for v in T.values() for t in v.values() if t == "true"), "true",
      sum(1 for v in T.values() for t in v.values() if t == "false"), "false")
