//! The second eigenpair of a symmetric positive semi-definite operator whose top eigenvector is
//! known (the complexity matrix `S = U^-1/2 M' D^-1 M U^-1/2`, top eigenvector `sqrt(u)`).
//! Lanczos with full reorthogonalisation against the known vector and all Lanczos vectors: it
//! needs only matrix-vector products through the sparse presence matrix, converges in tens of
//! steps where power iteration needs hundreds, and is exact once the Krylov space is complete.

/// Result of [`second_eigenpair`].
#[derive(Debug, Clone)]
pub struct EigenPair {
    /// Second-largest eigenvalue (largest after removing the known one).
    pub value: f64,
    /// Third-largest eigenvalue (Ritz estimate; the gap to `value` governs stability).
    pub next: f64,
    /// Unit eigenvector.
    pub vector: Vec<f64>,
    /// Residual norm `|S v - value v|` estimate.
    pub residual: f64,
    pub steps: usize,
}

/// `apply(x, y)` must write `S x` into `y`. `known` is the unit top eigenvector to deflate.
pub fn second_eigenpair(
    n: usize,
    known: &[f64],
    tol: f64,
    apply: &mut dyn FnMut(&[f64], &mut [f64]),
) -> EigenPair {
    let max_steps = n.saturating_sub(1).max(1);
    // deterministic start vector with no special structure
    let mut q: Vec<f64> = (0..n)
        .map(|i| 1.0 + ((i as f64 + 1.0) * 0.618_033_988_749_895).fract())
        .collect();
    orthogonalize(&mut q, known);
    orthogonalize(&mut q, known);
    let nq = norm(&q);
    if n < 2 || nq == 0.0 {
        return EigenPair {
            value: f64::NAN,
            next: f64::NAN,
            vector: vec![f64::NAN; n],
            residual: f64::NAN,
            steps: 0,
        };
    }
    scale(&mut q, 1.0 / nq);
    let mut basis: Vec<Vec<f64>> = vec![q];
    let mut alpha: Vec<f64> = Vec::new();
    let mut beta: Vec<f64> = Vec::new();
    let mut w = vec![0.0; n];
    let best: (f64, f64, Vec<f64>, f64);
    loop {
        let j = basis.len() - 1;
        apply(&basis[j], &mut w);
        let a = dot(&basis[j], &w);
        alpha.push(a);
        // full reorthogonalisation, twice ("twice is enough")
        for _ in 0..2 {
            orthogonalize(&mut w, known);
            for v in &basis {
                orthogonalize(&mut w, v);
            }
        }
        let b = norm(&w);
        let m = alpha.len();
        let done = b <= 1e-14 || m >= max_steps;
        if done || m.is_multiple_of(4) || m < 4 {
            let (t1, t2, s) = top_two(&alpha, &beta);
            let res = b * s[m - 1].abs();
            if done || res <= tol {
                best = (t1, t2, s, res);
                break;
            }
        }
        beta.push(b);
        scale(&mut w, 1.0 / b);
        basis.push(w.clone());
    }
    let (value, next, s, residual) = best;
    let mut vector = vec![0.0; n];
    for (k, v) in basis.iter().enumerate().take(s.len()) {
        for i in 0..n {
            vector[i] += s[k] * v[i];
        }
    }
    let nv = norm(&vector);
    scale(&mut vector, 1.0 / nv);
    EigenPair {
        value,
        next,
        vector,
        residual,
        steps: alpha.len(),
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}
fn scale(a: &mut [f64], s: f64) {
    a.iter_mut().for_each(|x| *x *= s);
}
fn orthogonalize(w: &mut [f64], v: &[f64]) {
    let d = dot(w, v);
    w.iter_mut().zip(v).for_each(|(x, y)| *x -= d * y);
}

/// Number of eigenvalues of the tridiagonal matrix (diag `a`, off-diagonal `b`) below `x`.
fn sturm_count(a: &[f64], b: &[f64], x: f64) -> usize {
    let mut count = 0;
    let mut q = 1.0;
    for i in 0..a.len() {
        let off = if i == 0 { 0.0 } else { b[i - 1] * b[i - 1] };
        q = a[i] - x - if i == 0 { 0.0 } else { off / q };
        if q == 0.0 {
            q = -f64::EPSILON * (x.abs() + 1.0);
        }
        if q < 0.0 {
            count += 1;
        }
    }
    count
}

/// k-th largest eigenvalue (k = 1 is the largest) by bisection on Sturm counts.
fn kth_largest(a: &[f64], b: &[f64], k: usize) -> f64 {
    let m = a.len();
    let r = (0..m)
        .map(|i| {
            a[i].abs()
                + if i > 0 { b[i - 1].abs() } else { 0.0 }
                + if i + 1 < m { b[i].abs() } else { 0.0 }
        })
        .fold(0.0, f64::max);
    let (mut lo, mut hi) = (-r - 1e-300, r + 1e-300);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        // eigenvalues >= mid is m - count(< mid); we want at least k of them
        if m - sturm_count(a, b, mid) >= k {
            lo = mid
        } else {
            hi = mid
        }
    }
    0.5 * (lo + hi)
}

/// Top two eigenvalues of the tridiagonal matrix and the unit eigenvector of the top one.
fn top_two(a: &[f64], b: &[f64]) -> (f64, f64, Vec<f64>) {
    let m = a.len();
    let t1 = kth_largest(a, &b[..m - 1], 1);
    let t2 = if m > 1 {
        kth_largest(a, &b[..m - 1], 2)
    } else {
        f64::NAN
    };
    // inverse iteration on (T - t1 I) with a banded LU with partial pivoting
    let mut x = vec![1.0; m];
    for _ in 0..3 {
        x = solve_shifted(a, &b[..m - 1], t1, &x);
        let n = norm(&x);
        if !(n.is_finite() && n > 0.0) {
            x = vec![1.0; m];
            break;
        }
        scale(&mut x, 1.0 / n);
    }
    (t1, t2, x)
}

/// Solve `(T - sigma I) x = rhs` for tridiagonal T (Gaussian elimination with partial pivoting).
fn solve_shifted(a: &[f64], b: &[f64], sigma: f64, rhs: &[f64]) -> Vec<f64> {
    let m = a.len();
    let tiny = f64::EPSILON * (sigma.abs() + 1.0) * 1e-3;
    let mut d: Vec<f64> = a.iter().map(|x| x - sigma).collect();
    let mut du: Vec<f64> = b.to_vec();
    let mut dl: Vec<f64> = b.to_vec();
    let mut du2 = vec![0.0; m.saturating_sub(2)];
    let mut y = rhs.to_vec();
    for i in 0..m.saturating_sub(1) {
        if d[i].abs() >= dl[i].abs() {
            if d[i] == 0.0 {
                d[i] = tiny;
            }
            let f = dl[i] / d[i];
            d[i + 1] -= f * du[i];
            y[i + 1] -= f * y[i];
        } else {
            let f = d[i] / dl[i];
            d[i] = dl[i];
            let old_d1 = d[i + 1];
            d[i + 1] = du[i] - f * old_d1;
            if i + 2 < m {
                du2[i] = du[i + 1];
                du[i + 1] = -f * du2[i];
            }
            du[i] = old_d1;
            let yi = y[i];
            y[i] = y[i + 1];
            y[i + 1] = yi - f * y[i + 1];
        }
        dl[i] = 0.0;
    }
    if d[m - 1] == 0.0 {
        d[m - 1] = tiny;
    }
    let mut x = vec![0.0; m];
    for i in (0..m).rev() {
        let mut s = y[i];
        if i + 1 < m {
            s -= du[i] * x[i + 1];
        }
        if i + 2 < m {
            s -= du2[i] * x[i + 2];
        }
        x[i] = s / d[i];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dense symmetric test matrix with known spectrum: Q diag(l) Q' for a Householder Q.
    #[test]
    fn finds_second_eigenpair_of_known_spectrum() {
        let n = 30;
        let l: Vec<f64> = (0..n)
            .map(|i| if i == 0 { 1.0 } else { 0.9 / (i as f64) })
            .collect();
        let h: Vec<f64> = (0..n).map(|i| ((i * 7 + 3) % 11) as f64 - 5.0).collect();
        let hn = dot(&h, &h);
        let q = |i: usize, j: usize| (if i == j { 1.0 } else { 0.0 }) - 2.0 * h[i] * h[j] / hn;
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                a[i * n + j] = (0..n).map(|k| q(i, k) * l[k] * q(j, k)).sum();
            }
        }
        let known: Vec<f64> = (0..n).map(|i| q(i, 0)).collect();
        let mut apply = |x: &[f64], y: &mut [f64]| {
            for i in 0..n {
                y[i] = (0..n).map(|j| a[i * n + j] * x[j]).sum();
            }
        };
        let e = second_eigenpair(n, &known, 1e-13, &mut apply);
        assert!((e.value - 0.9).abs() < 1e-12, "{}", e.value);
        assert!((e.next - 0.45).abs() < 1e-9, "{}", e.next);
        let v2: Vec<f64> = (0..n).map(|i| q(i, 1)).collect();
        assert!((dot(&e.vector, &v2).abs() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn tridiagonal_solver_matches_product() {
        let a = [2.0, -1.0, 0.5, 3.0];
        let b = [1.0, 4.0, -2.0];
        let x0 = [1.0, 2.0, 3.0, 4.0];
        let sigma = 0.3;
        let mut rhs = [0.0; 4];
        for i in 0..4 {
            rhs[i] = (a[i] - sigma) * x0[i]
                + if i > 0 { b[i - 1] * x0[i - 1] } else { 0.0 }
                + if i < 3 { b[i] * x0[i + 1] } else { 0.0 };
        }
        let x = solve_shifted(&a, &b, sigma, &rhs);
        for i in 0..4 {
            assert!((x[i] - x0[i]).abs() < 1e-12);
        }
    }
}
