//! `qualepref grid new|export|import`: files written, audits read back, exit codes (0 an
//! audit was built, 2 not a grid).
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::{Command, Output};

use qualepref::{Audit, samples};

const TOULON: &str = "examples/data/toulon-2019.json";

#[track_caller]
fn run(args: &[&str]) -> Output {
    // The English messages, which these tests read.
    Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qualepref-grid-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn export_then_import_gives_the_audit_back_in_both_formats() {
    let dir = temp_dir("round-trip");
    let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
    for name in ["toulon.xlsx", "toulon.csv"] {
        let grid = dir.join(name);
        let grid = grid.to_str().unwrap();
        let out = run(&["grid", "export", TOULON, "-o", grid]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let json = dir.join(format!("{name}.json"));
        let out = run(&["grid", "import", grid, "-o", json.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        assert_eq!(Audit::from_path(&json).unwrap(), toulon);
    }
}

#[test]
fn a_blank_grid_is_written_and_what_is_not_a_grid_exits_2() {
    let dir = temp_dir("new");
    let grid = dir.join("grille.xlsx");
    let grid = grid.to_str().unwrap();
    let out = run(&[
        "grid",
        "new",
        "--modules",
        "1,2",
        "--site",
        "83:TOULON",
        "--type",
        "suivi",
        "-o",
        grid,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(grid).unwrap().starts_with(b"PK"));
    // Not filled in: no dates, so no audit.
    let out = run(&["grid", "import", grid]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "qualepref: {grid}: invalid audit grid \"Page de garde\": the date de début is missing\n"
        )
    );
    let other = dir.join("notes.xlsx");
    std::fs::write(&other, "pas un classeur").unwrap();
    let out = run(&["grid", "import", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["grid", "new", "--modules", "9", "-o", grid]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "qualepref: --modules: 9 is not a module number 1–8\n"
    );
}

#[test]
fn a_grid_read_from_a_device_is_refused_past_the_limit() {
    let output = run(&["grid", "import", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim_end(),
        "qualepref: /dev/zero: input of 67108865 bytes is larger than the limit of 67108864 bytes"
    );
}
