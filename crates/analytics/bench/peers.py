"""Times Python ecomplexity (Growth Lab, PyPI) and a plain NumPy pipeline on a long CSV
(year,region,industry,employment) and compares ECI/PCI of the first year with Klaster's.
Usage: peers.py DATA.csv KLASTER_INDICES.csv [ecomplexity|numpy]..."""
import io, contextlib, json, resource, sys, time, warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
data, ours_path, which = sys.argv[1], sys.argv[2], sys.argv[3:] or ["ecomplexity", "numpy"]
t0 = time.perf_counter()
df = pd.read_csv(data)
res = {"file": data, "rows": len(df), "years": int(df.year.nunique()), "read_s": round(time.perf_counter() - t0, 3)}
ours = pd.read_csv(ours_path)
ours_eci = ours[ours.kind == "region"].set_index("code")["value"]
ours_pci = ours[ours.kind == "industry"].set_index("code")["value"]
y0 = df.year.min()


def maxdiff(a, b):
    a, b = a.align(b, join="inner")
    return float(np.nanmax(np.abs(a.values - b.values)))


if "ecomplexity" in which:
    from ecomplexity import ecomplexity
    cols = {"time": "year", "loc": "region", "prod": "industry", "val": "employment"}
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        out = ecomplexity(df, cols, verbose=False)
    res["ecomplexity_s"] = round(time.perf_counter() - t, 3)
    o = out[out.year == y0]
    res["ecomplexity_vs_klaster_max_abs_eci"] = maxdiff(o.groupby("region")["eci"].first(), ours_eci)
    res["ecomplexity_vs_klaster_max_abs_pci"] = maxdiff(o.groupby("industry")["pci"].first(), ours_pci)
    del out, o

if "numpy" in which:
    # plain pipeline: pivot, RCA, presence, symmetric eigenproblem, proximity, density
    t = time.perf_counter()
    for y, g in df.groupby("year"):
        X = g.pivot(index="region", columns="industry", values="employment").fillna(0).values.astype(float)
        rca = (X / X.sum(1, keepdims=True)) / (X.sum(0, keepdims=True) / X.sum())
        M = (rca >= 1).astype(float)
        d, u = M.sum(1), M.sum(0)
        M, d, u = M[d > 0][:, u > 0], d[d > 0], u[u > 0]
        S = (M / np.sqrt(u)).T @ ((M / d[:, None]) / np.sqrt(u))
        w, V = np.linalg.eigh(S)
        kp = V[:, -2] / np.sqrt(u)
        kc = (M / d[:, None]) @ kp
        phi = (M.T @ M) / np.maximum(u[:, None], u[None, :])
        dens = M @ phi / phi.sum(0)
    res["numpy_s"] = round(time.perf_counter() - t, 3)

res["peak_rss_MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(res))
