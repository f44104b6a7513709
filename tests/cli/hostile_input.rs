//! Hostile input files (issue 21): reading is bounded and refuses what is
//! not a plan file; each reproduction as a user would run it.
