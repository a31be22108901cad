//! klaster-analytics: the cluster identification and competitiveness engine (being built).
