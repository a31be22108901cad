//! Relatedness and complexity of one year: presence, diversity, ubiquity, proximity, density,
//! ECI/PCI (eigenvector or reflections), complexity outlook (COI) and outlook gain (COG).
//! Conventions differ between the reference implementations; each is an option and the
//! [`Preset`]s reproduce them (see METHODS.md and the crate README).

use serde::{Deserialize, Serialize};

use crate::linalg::second_eigenpair;
use crate::proximity::{co_presence, density_and_gain, proximity_from_counts};
use crate::warning::WarningKind;

/// Named sets of conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Harvard Growth Lab Stata `ecomplexity` (the default): sd with ddof 1 over the long
    /// table (regions x industries rows), PCI scaled with ECI's mean and sd, proximity diagonal 0.
    #[default]
    Stata,
    /// Python `ecomplexity` 0.5.3: as Stata but population sd (ddof 0) over regions and
    /// proximity diagonal 1 (density counts the industry itself).
    Growthlab,
    /// `econcomplex` 1.0.1: ECI and PCI each z-scored (ddof 0), proximity diagonal 0.
    Econcomplex,
    /// `economic-complexity` 0.3.0 (Datawheel): method of reflections, 20 iterations
    /// (regions 18, industries 19 steps), each z-scored with ddof 1, proximity diagonal 0.
    EconomicComplexity,
}

impl Preset {
    pub fn from_name(s: &str) -> Option<Preset> {
        Some(match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "stata" => Preset::Stata,
            "growthlab" | "ecomplexity" | "python" | "py-ecomplexity" => Preset::Growthlab,
            "econcomplex" => Preset::Econcomplex,
            "economic-complexity" | "datawheel" => Preset::EconomicComplexity,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Eigenvector,
    /// Hidalgo-Hausmann reflections with the Datawheel bookkeeping: `iterations - 1` steps for
    /// industries, `iterations - 2` for regions, starting from ubiquity and diversity.
    Reflections {
        iterations: usize,
    },
}

/// How ECI/PCI (and COI) are standardised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standardize {
    /// ECI z-scored with the sd over the long table (each region repeated once per industry,
    /// ddof 1); PCI = (kp - mean ECI_raw) / that sd. COG divided by it. (Stata.)
    LongTable,
    /// As LongTable but population sd (ddof 0) over regions. (Python ecomplexity.)
    EciMomentsDdof0,
    /// ECI and PCI each z-scored with ddof 0.
    EachDdof0,
    /// ECI and PCI each z-scored with ddof 1.
    EachDdof1,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ComplexityOptions {
    /// Presence when RCA >= threshold.
    pub threshold: f64,
    pub method: Method,
    pub standardize: Standardize,
    /// Proximity diagonal: `true` = 1 (the industry counts in its own density), `false` = 0.
    pub proximity_diagonal_one: bool,
}

impl ComplexityOptions {
    pub fn preset(p: Preset) -> ComplexityOptions {
        let (method, standardize, diag) = match p {
            Preset::Stata => (Method::Eigenvector, Standardize::LongTable, false),
            Preset::Growthlab => (Method::Eigenvector, Standardize::EciMomentsDdof0, true),
            Preset::Econcomplex => (Method::Eigenvector, Standardize::EachDdof0, false),
            Preset::EconomicComplexity => (
                Method::Reflections { iterations: 20 },
                Standardize::EachDdof1,
                false,
            ),
        };
        ComplexityOptions {
            threshold: 1.0,
            method,
            standardize,
            proximity_diagonal_one: diag,
        }
    }
}

impl Default for ComplexityOptions {
    fn default() -> Self {
        ComplexityOptions::preset(Preset::Stata)
    }
}

/// Complexity results of one year. Vectors are indexed like the input matrix; NaN marks a
/// region or industry left out (listed in `excluded_*`), never a silent zero.
#[derive(Debug, Clone, Serialize)]
pub struct Complexity {
    pub diversity: Vec<f64>,
    pub ubiquity: Vec<f64>,
    pub eci: Vec<f64>,
    pub pci: Vec<f64>,
    pub coi: Vec<f64>,
    /// Relatedness density, regions x industries.
    #[serde(skip)]
    pub density: Vec<f64>,
    /// Complexity outlook gain, regions x industries.
    #[serde(skip)]
    pub cog: Vec<f64>,
    /// Proximity, industries x industries.
    #[serde(skip)]
    pub proximity: Vec<f64>,
    /// Second and third eigenvalue of the industry-industry matrix (NaN for reflections).
    pub eigenvalues: [f64; 2],
    /// Regions without any presence (no data, or nothing above the threshold).
    pub excluded_regions: Vec<usize>,
    /// Industries present nowhere.
    pub excluded_industries: Vec<usize>,
    pub warnings: Vec<WarningKind>,
}

/// Presence matrix from RCA values (NaN RCA = not present).
pub fn presence(rca: &[f64], threshold: f64) -> Vec<u8> {
    rca.iter().map(|&v| (v >= threshold) as u8).collect()
}

/// Compute everything from a presence matrix `m` (0/1, regions x industries, row-major).
/// `has_data[r]` is false for regions with no employment at all: their density is NaN.
pub fn complexity(
    m: &[u8],
    nr: usize,
    nc: usize,
    has_data: &[bool],
    opt: &ComplexityOptions,
) -> Complexity {
    assert_eq!(m.len(), nr * nc);
    let mut diversity = vec![0.0; nr];
    let mut ubiquity = vec![0.0; nc];
    for r in 0..nr {
        let row = &m[r * nc..(r + 1) * nc];
        let mut d = 0u32;
        for (c, &x) in row.iter().enumerate() {
            d += x as u32;
            ubiquity[c] += x as f64;
        }
        diversity[r] = d as f64;
    }
    let excluded_regions: Vec<usize> = (0..nr).filter(|&r| diversity[r] == 0.0).collect();
    let excluded_industries: Vec<usize> = (0..nc).filter(|&c| ubiquity[c] == 0.0).collect();
    let vr: Vec<usize> = (0..nr).filter(|&r| diversity[r] > 0.0).collect();
    let vc: Vec<usize> = (0..nc).filter(|&c| ubiquity[c] > 0.0).collect();
    let mut cpos = vec![u32::MAX; nc];
    for (k, &c) in vc.iter().enumerate() {
        cpos[c] = k as u32;
    }
    // CSR of the valid sub-matrix (columns renumbered)
    let mut start = Vec::with_capacity(vr.len() + 1);
    let mut cols: Vec<u32> = Vec::new();
    start.push(0usize);
    for &r in &vr {
        for c in 0..nc {
            if m[r * nc + c] == 1 {
                cols.push(cpos[c]);
            }
        }
        start.push(cols.len());
    }
    let mut warnings = Vec::new();
    if !excluded_regions.is_empty() {
        warnings.push(WarningKind::RegionsWithoutPresence {
            count: excluded_regions.len(),
            threshold: opt.threshold,
        });
    }
    if !excluded_industries.is_empty() {
        warnings.push(WarningKind::IndustriesNowhere {
            count: excluded_industries.len(),
        });
    }
    let d_v: Vec<f64> = vr.iter().map(|&r| diversity[r]).collect();
    let u_v: Vec<f64> = vc.iter().map(|&c| ubiquity[c]).collect();
    let (kc, kp, eigenvalues) = if vr.len() < 2 || vc.len() < 2 {
        warnings.push(WarningKind::TooFewPresent);
        (
            vec![f64::NAN; vr.len()],
            vec![f64::NAN; vc.len()],
            [f64::NAN; 2],
        )
    } else {
        match opt.method {
            Method::Eigenvector => eigen_method(&start, &cols, &d_v, &u_v, &mut warnings),
            Method::Reflections { iterations } => {
                let (kc, kp) = reflections(&start, &cols, &d_v, &u_v, iterations);
                (kc, kp, [f64::NAN; 2])
            }
        }
    };
    // Standardise
    let n_c = vc.len() as f64;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let sd = |v: &[f64], m: f64, ddof: f64, weight: f64| {
        let ss: f64 = v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() * weight;
        (ss / (v.len() as f64 * weight - ddof)).sqrt()
    };
    let mk = mean(&kc);
    let (eci_v, pci_v, cog_scale) = match opt.standardize {
        Standardize::LongTable | Standardize::EciMomentsDdof0 => {
            let s = if opt.standardize == Standardize::LongTable {
                sd(&kc, mk, 1.0, n_c)
            } else {
                sd(&kc, mk, 0.0, 1.0)
            };
            (
                kc.iter().map(|x| (x - mk) / s).collect::<Vec<_>>(),
                kp.iter().map(|x| (x - mk) / s).collect::<Vec<_>>(),
                s,
            )
        }
        Standardize::EachDdof0 | Standardize::EachDdof1 => {
            let dd = if opt.standardize == Standardize::EachDdof0 {
                0.0
            } else {
                1.0
            };
            let mp = mean(&kp);
            let (s1, s2) = (sd(&kc, mk, dd, 1.0), sd(&kp, mp, dd, 1.0));
            (
                kc.iter().map(|x| (x - mk) / s1).collect::<Vec<_>>(),
                kp.iter().map(|x| (x - mp) / s2).collect::<Vec<_>>(),
                s1,
            )
        }
    };
    let mut eci = vec![f64::NAN; nr];
    for (k, &r) in vr.iter().enumerate() {
        eci[r] = eci_v[k];
    }
    let mut pci = vec![f64::NAN; nc];
    let mut pci_raw = vec![f64::NAN; nc];
    for (k, &c) in vc.iter().enumerate() {
        pci[c] = pci_v[k];
        pci_raw[c] = kp[k];
    }
    // Proximity and density over all industries; isolated ones get NaN density.
    let co = co_presence(m, nr, nc);
    let proximity = proximity_from_counts(&co, &ubiquity, opt.proximity_diagonal_one);
    drop(co);
    let (density, mut cog) = density_and_gain(m, nr, nc, &proximity, &pci_raw, has_data);
    cog.iter_mut().for_each(|x| *x /= cog_scale);
    // COI: sum over absent industries of density x raw PCI, standardised like ECI.
    let mut coi_raw = vec![f64::NAN; nr];
    for &r in &vr {
        let mut s = 0.0;
        for c in 0..nc {
            if m[r * nc + c] == 0 && ubiquity[c] > 0.0 {
                s += density[r * nc + c] * pci_raw[c];
            }
        }
        coi_raw[r] = s;
    }
    let coi_v: Vec<f64> = vr.iter().map(|&r| coi_raw[r]).collect();
    let mc = mean(&coi_v);
    let sc = match opt.standardize {
        Standardize::LongTable => sd(&coi_v, mc, 1.0, n_c),
        Standardize::EciMomentsDdof0 | Standardize::EachDdof0 => sd(&coi_v, mc, 0.0, 1.0),
        Standardize::EachDdof1 => sd(&coi_v, mc, 1.0, 1.0),
    };
    let coi = coi_raw.iter().map(|x| (x - mc) / sc).collect();
    Complexity {
        diversity,
        ubiquity,
        eci,
        pci,
        coi,
        density,
        cog,
        proximity,
        eigenvalues,
        excluded_regions,
        excluded_industries,
        warnings,
    }
}

/// Raw ECI/PCI by the eigenvector method on the symmetric form (see METHODS.md §2).
fn eigen_method(
    start: &[usize],
    cols: &[u32],
    d: &[f64],
    u: &[f64],
    warnings: &mut Vec<WarningKind>,
) -> (Vec<f64>, Vec<f64>, [f64; 2]) {
    let nrv = d.len();
    let ncv = u.len();
    let isu: Vec<f64> = u.iter().map(|x| 1.0 / x.sqrt()).collect();
    let mut t = vec![0.0; ncv];
    let mut apply = |x: &[f64], y: &mut [f64]| {
        for c in 0..ncv {
            t[c] = x[c] * isu[c];
        }
        y.iter_mut().for_each(|v| *v = 0.0);
        for r in 0..nrv {
            let row = &cols[start[r]..start[r + 1]];
            let mut z = 0.0;
            for &c in row {
                z += t[c as usize];
            }
            z /= d[r];
            for &c in row {
                y[c as usize] += z;
            }
        }
        for c in 0..ncv {
            y[c] *= isu[c];
        }
    };
    let su: f64 = u.iter().sum::<f64>().sqrt();
    let known: Vec<f64> = u.iter().map(|x| x.sqrt() / su).collect();
    let e = second_eigenpair(ncv, &known, 1e-13, &mut apply);
    if e.residual > 1e-9 {
        warnings.push(WarningKind::NotConverged {
            residual: e.residual,
        });
    }
    if e.value > 1.0 - 1e-9 {
        warnings.push(WarningKind::Disconnected);
    } else if (e.value - e.next).abs() < 1e-3 * e.value.abs() {
        warnings.push(WarningKind::CloseEigenvalues {
            second: e.value,
            third: e.next,
        });
    }
    let kp: Vec<f64> = e.vector.iter().zip(&isu).map(|(v, s)| v * s).collect();
    let mut kc = vec![0.0; nrv];
    for r in 0..nrv {
        kc[r] = cols[start[r]..start[r + 1]]
            .iter()
            .map(|&c| kp[c as usize])
            .sum::<f64>()
            / d[r];
    }
    // Sign: ECI correlates positively with diversity (flip both together).
    let md = d.iter().sum::<f64>() / nrv as f64;
    let mk = kc.iter().sum::<f64>() / nrv as f64;
    let cov: f64 = d.iter().zip(&kc).map(|(a, b)| (a - md) * (b - mk)).sum();
    let (kc, kp) = if cov < 0.0 {
        (
            kc.iter().map(|x| -x).collect(),
            kp.iter().map(|x| -x).collect(),
        )
    } else {
        (kc, kp)
    };
    (kc, kp, [e.value, e.next])
}

/// Method of reflections, simultaneous updates from (diversity, ubiquity).
fn reflections(
    start: &[usize],
    cols: &[u32],
    d: &[f64],
    u: &[f64],
    iterations: usize,
) -> (Vec<f64>, Vec<f64>) {
    let nrv = d.len();
    let ncv = u.len();
    let mut kc = d.to_vec();
    let mut kp = u.to_vec();
    for i in 1..iterations {
        let mut kp_new = vec![0.0; ncv];
        let mut kc_new = vec![0.0; nrv];
        for r in 0..nrv {
            let row = &cols[start[r]..start[r + 1]];
            let mut s = 0.0;
            for &c in row {
                kp_new[c as usize] += kc[r];
                s += kp[c as usize];
            }
            kc_new[r] = s / d[r];
        }
        for c in 0..ncv {
            kp_new[c] /= u[c];
        }
        kp = kp_new;
        if i < iterations - 1 {
            kc = kc_new;
        }
    }
    (kc, kp)
}
