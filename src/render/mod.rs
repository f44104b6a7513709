pub mod baselines;
pub mod diagnostic;
