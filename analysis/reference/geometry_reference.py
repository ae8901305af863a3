#!/usr/bin/python3
"""Independent reference values for org.shapescope.analysis.geometry.

Written from the papers' formulas with numpy / scipy / scikit-learn (Debian python3-numpy,
python3-scipy, python3-sklearn), not from the Java code. Generates seeded test clouds, stores
them as raw little-endian float32 (<name>.f32, n*d values row-major) and writes the measures,
computed in float64 from those float32 values, to expected.csv:

    cloud,n,d,metric,value,source

Rows already in expected.csv are kept unchanged; only new (cloud, metric) pairs are appended.

Run from the repository root:  /usr/bin/python3 analysis/reference/geometry_reference.py
"""
import os
import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import betaln
from sklearn.neighbors import NearestNeighbors
from sklearn.decomposition import PCA

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "geometry")


def clouds():
    rng = np.random.default_rng(20240521)
    out = {}
    # anisotropic Gaussian with a common offset, like a hidden-state layer
    n, d = 1000, 64
    scales = np.geomspace(10.0, 0.1, d)
    x = rng.standard_normal((n, d)) * scales + 3.0
    out["gauss_aniso"] = x
    # 5-sphere S^5 in R^6, randomly rotated into R^20
    n, k, d = 1500, 6, 20
    s = rng.standard_normal((n, k))
    s /= np.linalg.norm(s, axis=1, keepdims=True)
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    out["sphere5_r20"] = np.hstack([s, np.zeros((n, d - k))]) @ q.T
    # swiss roll (2-d manifold) rotated into R^10
    n, d = 1500, 10
    t = 1.5 * np.pi * (1 + 2 * rng.random(n))
    h = 21 * rng.random(n)
    roll = np.column_stack([t * np.cos(t), h, t * np.sin(t)])
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    out["swissroll_r10"] = np.hstack([roll, np.zeros((n, d - 3))]) @ q.T
    # hidden-state-like: low-rank signal + isotropic noise + large offset, d = 128
    n, d, r = 2000, 128, 8
    z = rng.standard_normal((n, r)) @ (rng.standard_normal((r, d)) * 4.0)
    x = z + 0.5 * rng.standard_normal((n, d)) + rng.standard_normal(d) * 20.0
    out["hidden_like"] = x
    return {name: v.astype(np.float32) for name, v in out.items()}


def clouds_with_duplicates():
    # hidden-state-like cloud whose rows repeat, as float16 dumps of an embedding layer do:
    # 40 rows overwritten by copies of 40 others (pairs), and one row copied 4 more times
    rng = np.random.default_rng(20250611)
    n, d, r = 800, 32, 6
    x = rng.standard_normal((n, r)) @ (rng.standard_normal((r, d)) * 3.0) + 0.3 * rng.standard_normal((n, d)) + 5.0
    x = x.astype(np.float32)
    idx = rng.permutation(n)
    x[idx[:40]] = x[idx[40:80]]
    x[idx[80:84]] = x[idx[84]]
    return {"dups_hidden": x}


def spectrum(x, centre):
    y = x - x.mean(axis=0) if centre else x
    s = np.linalg.svd(y, compute_uv=False)
    return s * s


def anisotropy(x, centre=True):
    lam = spectrum(x, centre)
    return lam.max() / lam.sum()


def mean_cosine(x):
    u = x / np.linalg.norm(x, axis=1, keepdims=True)
    g = u @ u.T
    n = len(x)
    return (g.sum() - np.trace(g)) / (n * (n - 1))


def isoscore(x):
    # Rudman et al. 2022, Algorithm 1; PCA reorientation with scikit-learn
    d = x.shape[1]
    var = np.var(PCA(n_components=min(x.shape)).fit_transform(x), axis=0)
    var = np.concatenate([var, np.zeros(d - len(var))])
    v = np.sqrt(d) * var / np.linalg.norm(var)
    delta = np.linalg.norm(v - 1) / np.sqrt(2 * (d - np.sqrt(d)))
    k = (d - delta ** 2 * (d - np.sqrt(d))) ** 2 / d
    return (k - 1) / (d - 1)


def pca_dim(x, share=0.9):
    lam = np.sort(spectrum(x, True))[::-1]
    return int(np.argmax(np.cumsum(lam) >= share * lam.sum()) + 1)


def participation_ratio(x):
    lam = spectrum(x, True)
    return lam.sum() ** 2 / (lam ** 2).sum()


def rankme(x, eps=1e-7):
    # Garrido et al. 2023, eq. 1-2: exp of the entropy of p_k = s_k / sum(s) + eps, s the singular values of X itself
    s = np.linalg.svd(x, compute_uv=False)
    p = s / s.sum() + eps
    return float(np.exp(-(p * np.log(p)).sum()))


def neighbours(x, k):
    nn = NearestNeighbors(n_neighbors=k + 1, algorithm="brute").fit(x)
    dist, _ = nn.kneighbors(x)
    return dist[:, 1:]


def twonn(dist, discard=0.1):
    # Facco et al. 2017; F_emp(mu_(i)) = i/N, i = 1..floor(N(1-f)), line through the origin
    mu = np.sort(dist[:, 1] / dist[:, 0])
    n = len(mu)
    m = min(n - 1, int(np.floor(n * (1 - discard))))
    xs = np.log(mu[:m])
    ys = -np.log(1 - np.arange(1, m + 1) / n)
    return float(xs @ ys / (xs @ xs))


def twonn_authors(x, reduction_factor=5, eps=1e-8):
    # LLM-Microscope intrinsic_dimension(emb, reduction_factor=5), restated: float64, centred and
    # scaled by the mean row length; r1, r2 over all other rows (by index, so a copy gives r1 = 0);
    # r1 < eps -> mu = -1; sort; the u ratios <= 1 + eps are cut but count in F = (i + u)/(n + u)
    c = x - x.mean(axis=0)
    c = c / np.linalg.norm(c, axis=1).mean()
    sq = (c * c).sum(axis=1)
    dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * c @ c.T, 0))
    np.fill_diagonal(dist, np.inf)
    # exact distances of the two nearest candidates (the Gram form above only ranks them)
    order = np.argsort(dist, axis=1)[:, :4]
    exact = np.sort(np.linalg.norm(c[order] - c[:, None, :], axis=2), axis=1)
    r1, r2 = exact[:, 0], exact[:, 1]
    bad = r1 < eps
    mu = np.where(bad, -1.0, r2 / np.where(bad, 1.0, r1))
    mu = np.sort(mu)
    useless = int((mu <= 1 + eps).sum())
    mu = mu[useless:]
    n = len(mu)
    f = np.arange(1 + useless, n + 1 + useless) / (n + useless)
    use = min(n // reduction_factor, n - 1)
    xs = np.log(mu[:use])
    ys = -np.log(1 - f[:use])
    return float((xs * ys).sum() / (xs * xs).sum()), useless


def gride(dist, n1, n2=None):
    # Denti et al. 2022: mu = r_n2 / r_n1 has density d (mu^d - 1)^(n2-n1-1) / (B(n2-n1, n1) mu^((n2-1)d+1));
    # the maximum of its log-likelihood over d in [1e-3, 1e3], found numerically (not from the derivative)
    n2 = 2 * n1 if n2 is None else n2
    logmu = np.log(dist[:, n2 - 1] / dist[:, n1 - 1])

    def negloglik(d):
        # ln(mu^d - 1) = d ln mu + ln(1 - mu^-d), stable for large d
        tail = (n2 - n1 - 1) * (d * logmu + np.log(-np.expm1(-d * logmu))).sum() if n2 - n1 > 1 else 0.0
        return -(len(logmu) * np.log(d) + tail - ((n2 - 1) * d + 1) * logmu.sum() - len(logmu) * betaln(n2 - n1, n1))

    best = minimize_scalar(negloglik, bounds=(1e-3, 1e3), method="bounded", options={"xatol": 1e-12})
    return float(best.x)


def gride_dadapy(dist, n1):
    # DADApy's own likelihood helpers on the same ratios, when DADAPY_SRC names a DADApy source tree:
    # they use (N - 1)/d and drop mu above 20 (q95 - q50) + q50
    src = os.environ.get("DADAPY_SRC")
    if not src:
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("dadapy_utils", os.path.join(src, "dadapy", "_utils", "utils.py"))
    ut = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ut)
    mus = dist[:, 2 * n1 - 1] / dist[:, n1 - 1]
    return float(ut._argmax_loglik(np.float64, 0.001, 1000, mus.copy(), n1, 2 * n1, eps=1e-10))


def layer_pair():
    # two "successive layers" over the same tokens: y = x + a nonlinear update (tanh of a linear map) + noise
    rng = np.random.default_rng(20250612)
    n, d = 1200, 40
    x = rng.standard_normal((n, 6)) @ rng.standard_normal((6, d)) + 0.4 * rng.standard_normal((n, d)) + 2.0
    w = rng.standard_normal((d, d)) / np.sqrt(d)
    y = x + 1.5 * np.tanh(x @ w) + 0.2 * rng.standard_normal((n, d))
    return x.astype(np.float32), y.astype(np.float32)


def procrustes_similarity(x, y):
    # LLM-Microscope procrustes_similarity restated: centre, divide by the Frobenius norm, least squares
    # Y ~ XA (numpy lstsq), 1 - ||XA - Y||_F^2
    xc = x - x.mean(axis=0)
    yc = y - y.mean(axis=0)
    xc /= np.linalg.norm(xc)
    yc /= np.linalg.norm(yc)
    a, *_ = np.linalg.lstsq(xc, yc, rcond=None)
    return float(1 - ((xc @ a - yc) ** 2).sum())


def procrustes_pair():
    # two "checkpoints" of a k-d projection over the same tokens: y = x rotated and reflected (det -1),
    # stretched a little along one axis, translated, plus noise; the Procrustes fit is not exact
    rng = np.random.default_rng(20261201)
    n, k = 500, 3
    x = rng.standard_normal((n, k)) * np.array([4.0, 2.0, 1.0])
    q, _ = np.linalg.qr(rng.standard_normal((k, k)))
    if np.linalg.det(q) > 0:
        q[:, 0] = -q[:, 0]
    y = (x * np.array([1.1, 1.0, 1.0])) @ q + np.array([3.0, -2.0, 0.5]) + 0.05 * rng.standard_normal((n, k))
    return x.astype(np.float32), y.astype(np.float32)


def orthogonal_procrustes(x, y):
    # Schoenemann 1966: centre both, A'B = U S V', R = U V' (reflections allowed), residual ||A R - B||_F^2
    from scipy.linalg import orthogonal_procrustes as scipy_procrustes
    a = x - x.mean(axis=0)
    b = y - y.mean(axis=0)
    u, sigma, vt = np.linalg.svd(a.T @ b)
    r = u @ vt
    residual = float(((a @ r - b) ** 2).sum())
    theirs, _ = scipy_procrustes(a, b)
    print(f"procrustes: numpy SVD vs scipy.linalg.orthogonal_procrustes max |dR| = {np.abs(r - theirs).max():.2e}, "
          f"residual {residual:.12g} = |A|^2 + |B|^2 - 2 sum(sigma) {(a ** 2).sum() + (b ** 2).sum() - 2 * sigma.sum():.12g}")
    return r, residual


def mle(dist, k=20):
    # Levina-Bickel with (k-1) normalisation, MacKay-Ghahramani inverse-mean combination
    t = dist[:, :k]
    inv = np.log(t[:, k - 1:k] / t[:, :k - 1]).sum(axis=1) / (k - 1)
    return float(1.0 / inv.mean())


def measures(name, x32):
    x = x32.astype(np.float64)
    dist = neighbours(x, 64)
    authors, _ = twonn_authors(x)
    scales = []
    for k in range(6):
        ours = gride(dist, 2 ** k)
        theirs = gride_dadapy(dist, 2 ** k)
        if theirs is not None:
            print(f"{name} gride n1={2 ** k}: paper {ours:.6f}  DADApy helpers {theirs:.6f}  ({ours / theirs - 1:+.2e})")
        if name in ("swissroll_r10", "hidden_like"):
            scales.append((f"gride_scale_{2 ** k}", ours, f"Denti et al. 2022 likelihood maximised by scipy, n1 = {2 ** k}, n2 = {2 ** (k + 1)}"))
    return scales + [
        ("anisotropy", anisotropy(x), "numpy SVD of centred X: max s^2 / sum s^2"),
        ("anisotropy_uncentered", anisotropy(x, False), "numpy SVD of X: max s^2 / sum s^2"),
        ("mean_cosine", mean_cosine(x), "mean off-diagonal of the n x n cosine matrix"),
        ("isoscore", isoscore(x), "Rudman et al. 2022 Alg. 1 on sklearn PCA"),
        ("pca_dim", pca_dim(x), "numpy SVD spectrum, 90% cumulative share"),
        ("participation_ratio", participation_ratio(x), "numpy SVD spectrum, (sum l)^2 / sum l^2"),
        ("rankme", rankme(x), "Garrido et al. 2023 eq. 1-2 on the numpy SVD of X, eps = 1e-7"),
        ("twonn", twonn(dist), "Facco 2017 on sklearn brute-force neighbours, f = 0.1"),
        ("twonn_authors", authors, "LLM-Microscope intrinsic_dimension(reduction_factor=5) restated"),
        ("mle", mle(dist), "Levina-Bickel k=20, MacKay-Ghahramani combination, sklearn neighbours"),
        ("gride", gride(dist, 8), "Denti et al. 2022 likelihood maximised by scipy, n1 = 8, n2 = 16, sklearn neighbours"),
    ]


def duplicate_measures(name, x32):
    # only the measures defined on all rows, duplicates included
    x = x32.astype(np.float64)
    authors, cut = twonn_authors(x)
    distinct = np.unique(x, axis=0, return_index=True)[1]
    standard = twonn(neighbours(x[np.sort(distinct)], 2))
    print(f"{name}: {len(x) - len(distinct)} duplicate rows, {cut} ratios cut; twonn_authors {authors:.4f}, "
          f"twonn on the distinct rows {standard:.4f}")
    return [
        ("twonn_authors", authors, f"LLM-Microscope intrinsic_dimension(reduction_factor=5) restated, all rows, {cut} cut"),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "expected.csv")
    # Rows already in expected.csv stay as they are (regenerating changes the last bits with the BLAS
    # and the processor); only (cloud, metric) pairs not yet there are added.
    kept = []
    if os.path.exists(path):
        with open(path) as f:
            kept = [line.rstrip("\n") for line in f.readlines()[1:] if line.strip()]
    have = {tuple(line.split(",")[i] for i in (0, 3)) for line in kept}
    rows = list(kept)
    for table, compute in ((clouds(), measures), (clouds_with_duplicates(), duplicate_measures)):
        for name, x32 in table.items():
            x32.astype("<f4").tofile(os.path.join(OUT, name + ".f32"))
            n, d = x32.shape
            for metric, v, src in compute(name, x32):
                if (name, metric) not in have:
                    rows.append(f"{name},{n},{d},{metric},{v!r},{src}")
                    print(rows[-1])
    x32, y32 = layer_pair()
    x32.astype("<f4").tofile(os.path.join(OUT, "layer_pair.f32"))
    y32.astype("<f4").tofile(os.path.join(OUT, "layer_pair_next.f32"))
    x, y = x32.astype(np.float64), y32.astype(np.float64)
    for metric, v, src in (("linearity", procrustes_similarity(x, y), "LLM-Microscope procrustes_similarity restated, numpy lstsq"),
                           ("linearity_centered", procrustes_similarity(x, y - x),
                            "LLM-Microscope procrustes_similarity_centered restated (Y - X), numpy lstsq")):
        if ("layer_pair", metric) not in have:
            rows.append(f"layer_pair,{len(x)},{x.shape[1]},{metric},{v!r},{src}")
            print(rows[-1])
    x32, y32 = procrustes_pair()
    x32.astype("<f4").tofile(os.path.join(OUT, "procrustes_pair.f32"))
    y32.astype("<f4").tofile(os.path.join(OUT, "procrustes_pair_next.f32"))
    r, residual = orthogonal_procrustes(x32.astype(np.float64), y32.astype(np.float64))
    entries = [("procrustes_residual", residual, "Schoenemann 1966 orthogonal Procrustes (numpy SVD of centred A'B), ||AR - B||_F^2")]
    entries += [(f"procrustes_r{i}{j}", float(r[i, j]), f"Schoenemann 1966 R = UV', entry ({i}, {j})")
                for i in range(r.shape[0]) for j in range(r.shape[1])]
    for metric, v, src in entries:
        if ("procrustes_pair", metric) not in have:
            rows.append(f"procrustes_pair,{len(x32)},{x32.shape[1]},{metric},{v!r},{src}")
            print(rows[-1])
    with open(path, "w") as f:
        f.write("cloud,n,d,metric,value,source\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
