//! Synthetic but valid legal identifiers: Polish NIP and REGON with correct check digits, and
//! 9-digit Belarusian UNP numbers. All are drawn from the seeded generator and kept distinct.

use std::collections::HashSet;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const NIP_WEIGHTS: [u32; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_WEIGHTS: [u32; 8] = [8, 9, 2, 3, 4, 5, 6, 7];

fn weighted(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

fn to_string(digits: &[u32]) -> String {
    digits
        .iter()
        .filter_map(|&d| char::from_digit(d, 10))
        .collect()
}

/// Hands out identifiers that were not handed out before.
#[derive(Default)]
pub struct Issuer {
    used: HashSet<String>,
}

impl Issuer {
    /// A NIP whose first three digits are `office` (the tax office's code). A remainder of 10
    /// is never issued, so such draws are repeated.
    pub fn nip(&mut self, rng: &mut ChaCha8Rng, office: u32) -> String {
        loop {
            let mut d = vec![office / 100 % 10, office / 10 % 10, office % 10];
            d.extend((0..6).map(|_| rng.random_range(0..10u32)));
            let check = weighted(&d, &NIP_WEIGHTS) % 11;
            if check == 10 {
                continue;
            }
            d.push(check);
            let s = to_string(&d);
            if self.used.insert(s.clone()) {
                return s;
            }
        }
    }

    /// A 9-digit REGON starting with `prefix` (two digits); check digit mod 11, 10 counting as 0.
    pub fn regon(&mut self, rng: &mut ChaCha8Rng, prefix: u32) -> String {
        loop {
            let mut d = vec![prefix / 10 % 10, prefix % 10];
            d.extend((0..6).map(|_| rng.random_range(0..10u32)));
            d.push(weighted(&d, &REGON9_WEIGHTS) % 11 % 10);
            let s = to_string(&d);
            if self.used.insert(s.clone()) {
                return s;
            }
        }
    }

    /// A 9-digit UNP whose first digit follows the region's tax inspectorate (1 Minsk city,
    /// 2 Brest, 3 Vitebsk, 4 Gomel, 5 Grodno, 6 Minsk region, 7 Mogilev). The domain checks
    /// only the format, and so does this: no check digit is computed.
    pub fn unp(&mut self, rng: &mut ChaCha8Rng, first: u32) -> String {
        loop {
            let mut d = vec![first % 10, 0];
            d.extend((0..7).map(|_| rng.random_range(0..10u32)));
            let s = to_string(&d);
            if self.used.insert(s.clone()) {
                return s;
            }
        }
    }
}

/// The UNP's first digit for a Belarusian region code.
pub fn unp_prefix(region: &str) -> u32 {
    match region {
        "BY-HM" => 1,
        "BY-BR" => 2,
        "BY-VI" => 3,
        "BY-HO" => 4,
        "BY-HR" => 5,
        "BY-MI" => 6,
        _ => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaster_domain::{LegalIdInput, LegalIdKind};
    use rand::SeedableRng;

    #[test]
    fn generated_ids_pass_the_domain_checks() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut issuer = Issuer::default();
        for _ in 0..200 {
            let nip = issuer.nip(&mut rng, 542);
            let regon = issuer.regon(&mut rng, 20);
            let unp = issuer.unp(&mut rng, 5);
            assert!(
                LegalIdInput::new(LegalIdKind::Nip, &nip).parse().is_ok(),
                "{nip}"
            );
            assert!(
                LegalIdInput::new(LegalIdKind::Regon, &regon)
                    .parse()
                    .is_ok(),
                "{regon}"
            );
            assert!(
                LegalIdInput::new(LegalIdKind::Unp, &unp).parse().is_ok(),
                "{unp}"
            );
        }
        assert_eq!(issuer.used.len(), 600);
    }
}
