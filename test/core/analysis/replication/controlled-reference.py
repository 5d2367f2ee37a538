# mpmath (30 digits) reference values for the "controlled" recalibration, pasted into
# test/core/analysis/replication/sceptical-level.test.ts and
# test/search/analytic/replication-success.test.ts. The null tail is Micheloud, Balabdaoui & Held's
# 1 − F_Z(z) = (1/π)∫₀¹ exp(−z(1 + √(1 + (c − 1)t))/t)/√(t(1 − t)) dt, integrated over t = sin²φ.
import mpmath as mp
mp.mp.dps = 30
def tail(z, c):
    z = mp.mpf(z); c = mp.mpf(c)
    if z == 0: return mp.mpf(1)
    def g(p):
        s = mp.sin(p)**2
        return mp.mpf(0) if s == 0 else mp.exp(-z*(1+mp.sqrt(1+(c-1)*s))/s)
    pts = [0] + [mp.pi/2*mp.mpf(2)**(-k) for k in range(40, 0, -1)] + [mp.pi/2*mp.mpf(i)/16 for i in range(9, 17)]
    return 2/mp.pi*mp.quad(g, pts)
def zcrit(level, c):
    target = 4*mp.mpf(level)**2
    return mp.findroot(lambda z: tail(z*z, c) - target, (mp.mpf('0.5'), mp.mpf(3)), solver='illinois', tol=mp.mpf(10)**-40, verify=False)
def level_controlled(level, c):
    return mp.ncdf(-zcrit(level, c))
def p_controlled(zo, zr, c):
    zo, zr, c = mp.mpf(zo), mp.mpf(zr), mp.mpf(c)
    A = (zo**2+zr**2)/2; H = 2/(1/zo**2+1/zr**2)
    zs2 = A*H/(A+mp.sqrt(A*(A+(c-1)*H)))
    res = mp.sqrt(tail(zs2, c))
    return res/2 if (zo > 0) == (zr > 0) else 1 - res/2
def power_controlled(zo, c, prior, h, level=0.025):
    zo, c, h = mp.mpf(zo), mp.mpf(c), mp.mpf(h)
    za = zcrit(level, c); K = zo**2/za**2
    if K <= 1: return mp.mpf(0)
    zrmin = za*mp.sqrt(1 + c/(K-1))
    if prior == 'conditional': m, v = zo*mp.sqrt(c), 1
    elif prior == 'predictive': m, v = zo*mp.sqrt(c), 1 + c*(1+2*h)
    else:
        s = max(1 - (1+h)/zo**2, 0); m, v = s*zo*mp.sqrt(c), 1 + s*c*(1+h) + c*h
    return mp.ncdf((m - zrmin)/mp.sqrt(v))
print("levelSceptical controlled:")
for c in ['0.5', '1', '2', '5', '20']:
    print(c, mp.nstr(level_controlled('0.025', c), 15), mp.nstr(zcrit('0.025', c), 15))
print("pSceptical controlled:")
for zo, zr, c in [('2.5','2.2','1'),('2.5','2.2','0.5'),('3','1.8','2'),('2.1','-1.5','3'),('-2.8','-2.4','5'),('2','3','20')]:
    print(zo, zr, c, mp.nstr(p_controlled(zo, zr, c), 15))
print("powerReplicationSuccess controlled:")
for zo, c, prior, h in [('2.5','1','conditional','0'),('2.807033768344','2','predictive','0'),('3.5','5','eb','0'),('3','2','predictive','0.5'),('3','2','eb','0.5')]:
    print(zo, c, prior, h, mp.nstr(power_controlled(zo, c, prior, h), 15))
