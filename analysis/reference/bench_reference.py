"""Reference timings for GeometryKernelBench: scikit-learn brute kNN (k=21, n_jobs=-1) and numpy covariance on 4096 x 768 float32."""
import time, numpy as np
from sklearn.neighbors import NearestNeighbors
rng=np.random.default_rng(0); X=rng.standard_normal((4096,768)).astype(np.float32)
nn=NearestNeighbors(n_neighbors=21, n_jobs=-1, algorithm='brute').fit(X)
for _ in range(3):
    t=time.perf_counter(); d,i=nn.kneighbors(X); print("sk knn", time.perf_counter()-t)
Xc=(X-X.mean(0)).astype(np.float64)
for _ in range(3):
    t=time.perf_counter(); C=Xc.T@Xc; print("np cov f64", time.perf_counter()-t)
for _ in range(3):
    t=time.perf_counter(); C=X.T@X; print("np cov f32", time.perf_counter()-t)
