pub mod baselines;
pub mod ci;
pub mod diagnostic;
pub mod diff;
pub mod html;
pub mod report;
