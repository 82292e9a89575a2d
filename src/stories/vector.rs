//! Sparse term vectors, sorted by term hash, so that dot products and sums are merges.

use serde::{Deserialize, Serialize};

/// `(term hash, weight)` pairs sorted by hash, each hash once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SparseVector(pub Vec<(u64, f32)>);

impl SparseVector {
    pub fn dot(&self, other: &SparseVector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    pub fn norm(&self) -> f32 {
        self.0.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
    }

    /// Cosine similarity; 0 when either vector is empty.
    pub fn cosine(&self, other: &SparseVector) -> f32 {
        let norms = self.norm() * other.norm();
        if norms > 0.0 {
            self.dot(other) / norms
        } else {
            0.0
        }
    }

    pub fn weight(&self, hash: u64) -> f32 {
        self.0
            .binary_search_by_key(&hash, |(h, _)| *h)
            .map_or(0.0, |i| self.0[i].1)
    }

    /// `self + other`.
    pub fn add(&mut self, other: &SparseVector) {
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let take_a = j >= b.len() || (i < a.len() && a[i].0 < b[j].0);
            let take_b = i >= a.len() || (j < b.len() && b[j].0 < a[i].0);
            if take_a {
                out.push(a[i]);
                i += 1;
            } else if take_b {
                out.push(b[j]);
                j += 1;
            } else {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
        self.0 = out;
    }

    /// Keeps the `limit` heaviest terms (ties by hash, so the result is deterministic).
    pub fn keep_heaviest(&mut self, limit: usize) {
        if self.0.len() <= limit {
            return;
        }
        self.0
            .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.0.truncate(limit);
        self.0.sort_by_key(|(h, _)| *h);
    }

    /// Scaled to length 1 (unchanged when empty).
    pub fn normalised(mut self) -> SparseVector {
        let norm = self.norm();
        if norm > 0.0 {
            for (_, w) in &mut self.0 {
                *w /= norm;
            }
        }
        self
    }

    /// The `n` heaviest terms, heaviest first.
    pub fn heaviest(&self, n: usize) -> Vec<(u64, f32)> {
        let mut all = self.0.clone();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_products_merge_by_hash() {
        let mut a = SparseVector(vec![(1, 1.0), (3, 2.0)]);
        let b = SparseVector(vec![(2, 1.0), (3, 1.0)]);
        assert_eq!(a.dot(&b), 2.0);
        a.add(&b);
        assert_eq!(a.0, vec![(1, 1.0), (2, 1.0), (3, 3.0)]);
        a.keep_heaviest(2);
        assert_eq!(a.0, vec![(1, 1.0), (3, 3.0)]);
        assert!((a.clone().normalised().norm() - 1.0).abs() < 1e-6);
        assert_eq!(a.weight(3), 3.0);
        assert_eq!(a.weight(2), 0.0);
    }
}
