"""Writes .npy fixtures with numpy itself (Debian python3-numpy), the independent reference for
Shapescope's own .npy parser. Regenerate: /usr/bin/python3 make_npy_fixtures.py (in this folder).

Every 2-D array holds v[r, c] = 10*r + c + 0.25 (exact in float16 for these sizes), shape 5 x 3.
"""
import numpy as np

rows, cols = 5, 3
v = (10 * np.arange(rows)[:, None] + np.arange(cols)[None, :] + 0.25)

np.save("f2_le_c.npy", v.astype("<f2"))
np.save("f4_be_c.npy", v.astype(">f4"))
np.save("f4_le_fortran.npy", np.asfortranarray(v.astype("<f4")))
np.save("f2_be_fortran.npy", np.asfortranarray(v.astype(">f2")))
np.save("f8_le_c.npy", v.astype("<f8"))
np.save("i8_tokens.npy", np.array([5, -1, 70000, 3, 2**40], dtype="<i8"))
np.save("u2_be_tokens.npy", np.array([1, 2, 65535, 4, 5], dtype=">u2"))
np.save("i4_matrix.npy", np.arange(6, dtype="<i4").reshape(2, 3))
np.save("c8_complex.npy", np.zeros(3, dtype="<c8"))
np.save("f4_3d.npy", np.zeros((2, 2, 2), dtype="<f4"))
np.save("object.npy", np.array(["a", 1], dtype=object), allow_pickle=True)
with open("v2_header.npy", "wb") as f:
    np.lib.format.write_array(f, v.astype("<f4"), version=(2, 0))
print("wrote fixtures")
