//! The corpus generator, shared by `examples/corpus` and `benches/national.rs`
//! (see `main.rs` beside it for what it writes and what is made up).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

/// The share of plans written with a finding, in percent.
const FLAWED_PERCENT: u64 = 17;

/// What [`write_corpus`] wrote.
pub(crate) struct Written {
    pub(crate) files: usize,
    pub(crate) provinces: usize,
    pub(crate) communes: usize,
    pub(crate) bytes: usize,
    /// Plans written with a finding in them.
    pub(crate) flawed: usize,
}

/// Writes the corpus for `seed` under `out`, one directory per province;
/// `scale` multiplies the number of communes.
pub(crate) fn write_corpus(out: &Path, seed: u64, scale: usize) -> std::io::Result<Written> {
    let provinces = provinces();
    std::fs::create_dir_all(out)?;
    let mut rng = Rng::new(seed);
    let communes = communes_by_province();
    let mut written = Written {
        files: 0,
        provinces: provinces.len(),
        communes: 0,
        bytes: 0,
        flawed: 0,
    };
    for province in &provinces {
        let dir = out.join(&province.id);
        std::fs::create_dir_all(&dir)?;
        let plan = Draft::province(&mut rng, province);
        written.add(&dir, &plan)?;
        let units = communes.get(&province.id).map_or(&[][..], Vec::as_slice);
        // Twice the corpus is every commune twice over, under new ids.
        for unit in units.iter().cycle().take(units.len() * scale) {
            written.communes += 1;
            let commune = Draft::commune(&mut rng, &plan, province, unit, written.communes);
            written.add(&dir, &commune)?;
        }
    }
    Ok(written)
}

impl Written {
    fn add(&mut self, dir: &Path, plan: &Draft) -> std::io::Result<()> {
        let text = plan.render();
        std::fs::write(dir.join(format!("{}.yaml", plan.id)), &text)?;
        self.files += 1;
        self.bytes += text.len();
        self.flawed += usize::from(plan.flawed);
        Ok(())
    }
}

/// `SplitMix64`: small, fast and the same everywhere, which is all a corpus needs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n, which is a usize")
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Deserialize)]
struct Units {
    provinces_2025: Vec<Province>,
}

#[derive(Deserialize)]
struct Province {
    id: String,
    name: String,
    kind: String,
}

impl Province {
    fn styled(&self) -> String {
        let prefix = if self.kind == "city" {
            "thành phố"
        } else {
            "tỉnh"
        };
        format!("{prefix} {}", self.name)
    }
}

fn provinces() -> Vec<Province> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue/units.yaml");
    let text = std::fs::read_to_string(&path).expect("catalogue/units.yaml is in the repository");
    let units: Units = serde_saphyr::from_str(&text).expect("catalogue/units.yaml reads");
    assert_eq!(units.provinces_2025.len(), 34, "the 34 provinces of 2025");
    units.provinces_2025
}

/// A commune or ward in force from 1 July 2025: its kind ("xã", "phường",
/// "đặc khu") and name.
struct Unit {
    kind: String,
    name: String,
}

/// The 3,321 communes and wards of the General Statistics Office's list
/// (`catalogue/units/after-2025.tsv`), by the id of their province.
fn communes_by_province() -> BTreeMap<String, Vec<Unit>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue/units/after-2025.tsv");
    let text = std::fs::read_to_string(&path)
        .expect("catalogue/units/after-2025.tsv is in the repository");
    let mut province_of_code = BTreeMap::new();
    let mut communes: BTreeMap<String, Vec<Unit>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["P", code, id, ..] => {
                province_of_code.insert((*code).to_owned(), (*id).to_owned());
            }
            ["C", _, parent, kind, name, ..] => {
                let province = province_of_code.get(*parent).cloned().unwrap_or_default();
                communes.entry(province).or_default().push(Unit {
                    kind: (*kind).to_owned(),
                    name: (*name).to_owned(),
                });
            }
            _ => {}
        }
    }
    assert_eq!(
        communes.values().map(Vec::len).sum::<usize>(),
        3_321,
        "the 3,321 communes of 2025"
    );
    communes
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flaw {
    /// A target of the plans above left out.
    Gap,
    /// A target below the plan above.
    Shortfall,
    /// A task due before the as-of date, not done.
    Overdue,
}

impl Flaw {
    fn draw(rng: &mut Rng) -> Option<Self> {
        rng.chance(FLAWED_PERCENT)
            .then(|| *rng.pick(&[Flaw::Gap, Flaw::Shortfall, Flaw::Overdue]))
    }
}

/// A 2030 target of Đề án 1373 that binds a province: its indicator,
/// population, national value and wording, and whether the catalogue
/// (`binds`) holds a commune to it as well.
struct National {
    indicator: &'static str,
    population: &'static str,
    value: u64,
    wording: &'static str,
    commune: bool,
}

const NATIONAL_2030: &[National] = &[
    National {
        indicator: "competency.information_literacy",
        population: "people",
        value: 70,
        wording: "người trong độ tuổi lao động được trang bị năng lực thông tin",
        commune: true,
    },
    National {
        indicator: "competency.life_skills",
        population: "people",
        value: 70,
        wording: "người trong độ tuổi lao động được trang bị kỹ năng sống",
        commune: true,
    },
    National {
        indicator: "institution.digital_environment",
        population: "institutions",
        value: 80,
        wording: "cơ sở giáo dục phổ thông, giáo dục thường xuyên, giáo dục nghề nghiệp triển khai hoạt động quản lý, giảng dạy và học tập trên môi trường số",
        commune: false,
    },
    National {
        indicator: "institution.digital_university",
        population: "institutions",
        value: 90,
        wording: "trường đại học trên địa bàn triển khai đại học số và xây dựng học liệu số",
        commune: false,
    },
    National {
        indicator: "model.learning_citizen",
        population: "people",
        value: 60,
        wording: "công dân đạt danh hiệu công dân học tập",
        commune: true,
    },
    National {
        indicator: "model.learning_district",
        population: "districts",
        value: 50,
        wording: "đơn vị hành chính cấp xã được công nhận danh hiệu đơn vị học tập",
        commune: false,
    },
    National {
        indicator: "qualification.technical",
        population: "people",
        value: 60,
        wording: "dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật",
        commune: false,
    },
    National {
        indicator: "qualification.university",
        population: "people",
        value: 15,
        wording: "dân số có trình độ đại học trở lên",
        commune: false,
    },
    National {
        indicator: "universal_ed.preschool_kindergarten",
        population: "provinces",
        value: 100,
        wording: "phổ cập giáo dục mầm non cho trẻ em mẫu giáo",
        commune: false,
    },
];

/// Local yearly targets, with the wording a plan gives them.
const LOCAL_INDICATORS: &[(&str, &str)] = &[
    (
        "model.learning_citizen",
        "công dân đạt danh hiệu công dân học tập",
    ),
    (
        "model.learning_family",
        "hộ gia đình đạt danh hiệu gia đình học tập",
    ),
    (
        "model.learning_clan",
        "dòng họ đạt danh hiệu dòng họ học tập",
    ),
    (
        "model.learning_community",
        "cộng đồng đạt danh hiệu cộng đồng học tập",
    ),
    (
        "model.learning_unit",
        "cơ quan, đơn vị đạt danh hiệu đơn vị học tập",
    ),
];

/// Duties of Đề án 1373 a province's plan carries out: item, function,
/// agency, title.
const DUTIES: &[(&str, &str, &str, &str)] = &[
    (
        "tg-1",
        "communication",
        "ubnd",
        "Tuyên truyền, phổ biến, nâng cao nhận thức về xây dựng xã hội học tập",
    ),
    (
        "tg-2-clc-support",
        "community_learning_centres",
        "ubnd",
        "Rà soát, xây dựng chính sách hỗ trợ trung tâm học tập cộng đồng, nhất là ở vùng sâu, vùng xa, miền núi",
    ),
    (
        "tg-2-workers-retraining",
        "workers_learning",
        "ubnd",
        "Chính sách để người lao động được đào tạo lại, nâng cao kỹ năng; học tập suốt đời cho người nghỉ hưu, người khuyết tật",
    ),
    (
        "tg-3",
        "digital_learning",
        "ubnd",
        "Đẩy mạnh chuyển đổi số và ứng dụng công nghệ thông tin trong tổ chức hoạt động học tập suốt đời",
    ),
    (
        "tg-3-digital-institutions",
        "digital_learning",
        "ubnd",
        "Tăng cường ứng dụng công nghệ số trong các cơ sở giáo dục nghề nghiệp và cơ sở giáo dục khác; học liệu mở phục vụ học tập suốt đời",
    ),
    (
        "tg-4",
        "community_learning_centres",
        "ubnd",
        "Đẩy mạnh hoạt động của trung tâm học tập cộng đồng",
    ),
    (
        "tg-6",
        "international_cooperation",
        "ubnd",
        "Tăng cường hợp tác quốc tế về học tập suốt đời, xây dựng xã hội học tập",
    ),
    (
        "sub-387",
        "learning_models",
        "hoi-kh-tinh",
        "Thực hiện Đề án \"Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021-2030\"",
    ),
    (
        "sub-677",
        "learning_models",
        "hoi-kh-tinh",
        "Thực hiện Chương trình \"Xây dựng mô hình Công dân học tập giai đoạn 2021-2030\"",
    ),
    (
        "sub-1268",
        "workers_learning",
        "ldld-tinh",
        "Thực hiện Đề án \"Đẩy mạnh các hoạt động học tập suốt đời trong công nhân lao động tại các doanh nghiệp đến năm 2030\"",
    ),
    (
        "sub-1520",
        "libraries_museums",
        "so-vhttdl",
        "Thực hiện Đề án \"Đẩy mạnh các hoạt động phục vụ học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hóa đến năm 2030\"",
    ),
    (
        "sub-communication",
        "communication",
        "so-khcn",
        "Kế hoạch truyền thông về Đề án Xây dựng xã hội học tập giai đoạn 2021-2030",
    ),
    (
        "sub-open-materials",
        "digital_learning",
        "ubnd",
        "Xây dựng kho học liệu mở phục vụ việc tự học và học tập suốt đời",
    ),
    (
        "bgddt-standing",
        "standing_body",
        "so-gddt",
        "Cơ quan thường trực thực hiện Kế hoạch",
    ),
    (
        "so-gddt-standing",
        "standing_body",
        "so-gddt",
        "Cơ quan thường trực thực hiện Đề án ở cấp tỉnh",
    ),
];

/// Province agencies: id, name (the province's name follows "tỉnh"), kind,
/// registry id.
const PROVINCE_AGENCIES: &[(&str, &str, &str, &str)] = &[
    (
        "hoi-kh-tinh",
        "Hội Khuyến học tỉnh",
        "mass_organisation",
        "hoi-kh-tinh",
    ),
    (
        "ldld-tinh",
        "Liên đoàn Lao động tỉnh",
        "mass_organisation",
        "ldld-tinh",
    ),
    (
        "so-vhttdl",
        "Sở Văn hóa, Thể thao và Du lịch",
        "department",
        "so-vhttdl",
    ),
    (
        "so-khcn",
        "Sở Khoa học và Công nghệ",
        "department",
        "so-khcn",
    ),
    ("so-gddt", "Sở Giáo dục và Đào tạo", "department", "so-gddt"),
    ("so-noi-vu", "Sở Nội vụ", "department", ""),
    ("so-tai-chinh", "Sở Tài chính", "department", ""),
    ("so-y-te", "Sở Y tế", "department", ""),
    (
        "tinh-doan",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        "mass_organisation",
        "",
    ),
    (
        "hoi-lhpn",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "mass_organisation",
        "",
    ),
    ("hoi-nong-dan", "Hội Nông dân tỉnh", "mass_organisation", ""),
    (
        "hoi-ccb",
        "Hội Cựu chiến binh tỉnh",
        "mass_organisation",
        "",
    ),
    (
        "cac-so-nganh",
        "các sở, ban, ngành liên quan",
        "collective",
        "",
    ),
];

/// Local tasks: title, function, who leads (an agency id of the plan).
const LOCAL_TASKS: &[(&str, &str, &str)] = &[
    (
        "Kiện toàn Ban Chỉ đạo xây dựng xã hội học tập",
        "steering_and_coordination",
        "ubnd",
    ),
    (
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời",
        "communication",
        "so-gddt",
    ),
    (
        "Tổ chức Ngày Sách và Văn hóa đọc Việt Nam",
        "libraries_museums",
        "so-vhttdl",
    ),
    (
        "Bồi dưỡng kỹ năng số cho cán bộ, công chức",
        "civil_servant_training",
        "so-noi-vu",
    ),
    (
        "Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách",
        "funding",
        "so-tai-chinh",
    ),
    (
        "Kiểm tra, giám sát việc thực hiện Kế hoạch",
        "inspection_and_review",
        "so-gddt",
    ),
    (
        "Sơ kết, đánh giá kết quả thực hiện Kế hoạch",
        "inspection_and_review",
        "ubnd",
    ),
    (
        "Xét tặng danh hiệu gia đình học tập, dòng họ học tập",
        "emulation_and_awards",
        "hoi-kh-tinh",
    ),
    (
        "Phát triển mô hình công dân học tập trong đoàn viên, thanh niên",
        "learning_models",
        "tinh-doan",
    ),
    (
        "Vận động hội viên phụ nữ tham gia học tập suốt đời",
        "learning_models",
        "hoi-lhpn",
    ),
    (
        "Đào tạo nghề cho lao động nông thôn",
        "vocational_training",
        "hoi-nong-dan",
    ),
    (
        "Nâng cao hiệu quả hoạt động của trung tâm học tập cộng đồng",
        "community_learning_centres",
        "so-gddt",
    ),
    (
        "Củng cố kết quả xóa mù chữ cho người lớn",
        "literacy",
        "so-gddt",
    ),
    (
        "Duy trì kết quả phổ cập giáo dục",
        "universal_education",
        "so-gddt",
    ),
    (
        "Phát triển thư viện số, tủ sách cộng đồng",
        "libraries_museums",
        "so-vhttdl",
    ),
    (
        "Truyền thông về học tập suốt đời trên các nền tảng số",
        "communication",
        "so-khcn",
    ),
    (
        "Hướng dẫn đánh giá, công nhận các mô hình học tập",
        "learning_models",
        "so-gddt",
    ),
    (
        "Tổ chức lớp bồi dưỡng cho cán bộ quản lý trung tâm học tập cộng đồng",
        "continuing_education",
        "so-gddt",
    ),
    (
        "Phát động phong trào khuyến học, khuyến tài",
        "emulation_and_awards",
        "hoi-kh-tinh",
    ),
    (
        "Vận động cựu chiến binh tham gia học tập suốt đời",
        "learning_models",
        "hoi-ccb",
    ),
    (
        "Chăm sóc sức khỏe, kiến thức y tế cho người dân qua học tập cộng đồng",
        "other",
        "so-y-te",
    ),
    ("Xây dựng kế hoạch thực hiện hằng năm", "planning", "ubnd"),
];

/// A deadline as a plan words it and its normal form.
#[derive(Clone)]
struct Deadline {
    wording: String,
    due: String,
    /// The day it was done, when it falls due on or before 30 November
    /// 2026: a plan without the overdue flaw records it done then.
    early: Option<String>,
}

fn deadline(rng: &mut Rng) -> Deadline {
    match rng.range(0, 6) {
        0 => {
            let day = rng.range(10, 25);
            Deadline {
                wording: format!("trước ngày {day} tháng 12 hằng năm"),
                due: format!("{{yearly: {{month: 12, day: {day}, from: 2026}}}}"),
                early: None,
            }
        }
        1 => {
            // Never before the plan is issued, in the first half of 2026.
            let year = rng.range(2026, 2030);
            let quarter = if year == 2026 {
                rng.range(3, 4)
            } else {
                rng.range(1, 4)
            };
            let roman = match quarter {
                1 => "I",
                2 => "II",
                3 => "III",
                _ => "IV",
            };
            Deadline {
                wording: format!("trong Quý {roman} năm {year}"),
                due: format!("{{quarter: {{year: {year}, quarter: {quarter}}}}}"),
                early: (year == 2026 && quarter == 3).then(|| "2026-09-15".to_owned()),
            }
        }
        2 => {
            let year = rng.range(2027, 2030);
            Deadline {
                wording: format!("trong năm {year}"),
                due: format!("{{year: {year}}}"),
                early: None,
            }
        }
        3 => Deadline {
            wording: "thường xuyên".to_owned(),
            due: "ongoing".to_owned(),
            early: None,
        },
        4 => {
            let year = rng.range(2026, 2029);
            let month = if year == 2026 {
                rng.range(7, 12)
            } else {
                rng.range(1, 12)
            };
            let day = rng.range(2, 28);
            Deadline {
                wording: format!("trước ngày {day}/{month}/{year}"),
                due: format!("{{date: {year}-{month:02}-{day:02}}}"),
                // Done in good time: on the first of the month.
                early: (year == 2026 && month <= 11).then(|| format!("{year}-{month:02}-01")),
            }
        }
        5 => {
            let year = rng.range(2027, 2030);
            Deadline {
                wording: format!("6 tháng đầu năm {year}"),
                due: format!("{{half: {{year: {year}, half: 1}}}}"),
                early: None,
            }
        }
        _ => Deadline {
            wording: "định kỳ 6 tháng".to_owned(),
            due: "{every_months: {months: 6, from: 2027}}".to_owned(),
            early: None,
        },
    }
}

struct Target {
    id: String,
    indicator: &'static str,
    population: &'static str,
    value: u64,
    year: u64,
    restates: Vec<(String, String)>,
    quote: String,
    section: &'static str,
}

struct Task {
    id: String,
    title: &'static str,
    function: &'static str,
    lead: &'static str,
    carries_out: Vec<(String, String)>,
    deadline: Option<Deadline>,
    section: &'static str,
}

impl Task {
    fn requested(&self) -> bool {
        ["hoi-", "ldld-", "tinh-doan", "doan-"]
            .iter()
            .any(|prefix| self.lead.starts_with(prefix))
    }
}

struct Agency {
    id: &'static str,
    name: String,
    kind: &'static str,
    registry: &'static str,
}

/// A plan drawn, ready to be written out.
struct Draft {
    id: String,
    title: String,
    issuer: String,
    level: &'static str,
    jurisdiction: String,
    province: String,
    number: String,
    date: String,
    /// One deadline per function: the plans above are compared function by
    /// function, so a commune's task must not fall due after any of its
    /// province's tasks of the same function.
    deadlines: BTreeMap<&'static str, Deadline>,
    /// Plan id, number, date and the quote that cites it.
    parent: Option<(String, String, String, String)>,
    agencies: Vec<Agency>,
    targets: Vec<Target>,
    tasks: Vec<Task>,
    flawed: bool,
}

fn slug(indicator: &str) -> String {
    indicator.replace(['.', '_'], "-")
}

impl Draft {
    fn province(rng: &mut Rng, province: &Province) -> Self {
        let flaw = Flaw::draw(rng);
        let place = province.styled();
        let mut agencies = vec![Agency {
            id: "ubnd",
            name: format!("Ủy ban nhân dân {place}"),
            kind: "peoples_committee",
            registry: "",
        }];
        agencies.extend(
            PROVINCE_AGENCIES
                .iter()
                .map(|&(id, name, kind, registry)| Agency {
                    id,
                    name: name.to_owned(),
                    kind,
                    registry,
                }),
        );
        let targets = province_targets(rng, flaw);
        let (tasks, deadlines) = province_tasks(rng, flaw);
        Self {
            id: format!("{}-2026-2030", province.id),
            title: format!(
                "Kế hoạch thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030” trên địa bàn {place} giai đoạn 2026 - 2030"
            ),
            issuer: format!("Ủy ban nhân dân {place}"),
            level: "province",
            jurisdiction: place,
            province: province.id.clone(),
            number: format!("{}/KH-UBND", rng.range(100, 4000)),
            date: format!("2026-{:02}-{:02}", rng.range(1, 3), rng.range(1, 28)),
            deadlines,
            parent: None,
            agencies,
            targets,
            tasks,
            flawed: flaw.is_some(),
        }
    }

    /// A commune's plan under `parent`: it restates the parent's figures
    /// that bind a commune and carries out the parent's tasks that fall to
    /// the commune's people's committee or its Hội Khuyến học, as `xhht
    /// init` would draft it, and adds its own local tasks.
    fn commune(
        rng: &mut Rng,
        parent: &Draft,
        province: &Province,
        unit: &Unit,
        serial: usize,
    ) -> Self {
        let flaw = Flaw::draw(rng);
        let slug_kind = match unit.kind.as_str() {
            "phường" => "phuong",
            "đặc khu" => "dac-khu",
            _ => "xa",
        };
        let name = format!("{} {}", unit.kind, unit.name);
        let agencies = COMMUNE_AGENCIES
            .iter()
            .map(|&(id, agency, kind)| Agency {
                id,
                name: if id == "ubnd" {
                    format!("Ủy ban nhân dân {name}")
                } else {
                    agency.to_owned()
                },
                kind,
                registry: "",
            })
            .collect();
        let targets = commune_targets(rng, parent, flaw);
        let tasks = commune_tasks(rng, parent, flaw);
        Self {
            id: format!("{}-{slug_kind}-{serial:04}-2026-2030", province.id),
            title: format!("Kế hoạch xây dựng xã hội học tập {name} giai đoạn 2026 - 2030"),
            issuer: format!("Ủy ban nhân dân {name}"),
            level: "commune",
            jurisdiction: name,
            province: province.id.clone(),
            number: format!("{}/KH-UBND", rng.range(10, 300)),
            date: format!("2026-{:02}-{:02}", rng.range(4, 6), rng.range(1, 28)),
            deadlines: BTreeMap::new(),
            parent: Some((
                parent.id.clone(),
                parent.number.clone(),
                parent.date.clone(),
                format!(
                    "Thực hiện Kế hoạch số {} ngày {} của {}",
                    parent.number,
                    vietnamese_date(&parent.date),
                    parent.issuer
                ),
            )),
            agencies,
            targets,
            tasks,
            flawed: flaw.is_some(),
        }
    }

    fn render(&self) -> String {
        let mut out = String::with_capacity(32_000);
        let _ = write!(
            out,
            "# yaml-language-server: $schema=../../schemas/plan.schema.json\n\
             # Synthetic: written by `cargo run --example corpus` for benchmarks.\n\
             document:\n  id: {}\n  title: \"{}\"\n  kind: plan\n  issuer: \"{}\"\n  level: {}\n  jurisdiction: \"{}\"\n  province: {}\n  number: \"{}\"\n  date: {}\n  period:\n    start: 2026\n    end: 2030\n  milestones: [2030]\n  note: \"Synthetic plan for benchmarks: the names, figures, numbers and dates are made up, not taken from a real document.\"\n\nlinks:\n  implements:\n    - plan: de-an-1373\n      number: \"1373/QĐ-TTg\"\n      date: 2021-07-30\n      quote: \"Thực hiện Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”\"\n",
            self.id,
            self.title,
            self.issuer,
            self.level,
            self.jurisdiction,
            self.province,
            self.number,
            self.date
        );
        if let Some((plan, number, date, quote)) = &self.parent {
            let _ = writeln!(
                out,
                "  parent:\n    plan: {plan}\n    number: \"{number}\"\n    date: {date}\n    quote: \"{quote}\""
            );
        }
        out.push_str("\nagencies:\n");
        for a in &self.agencies {
            let _ = writeln!(
                out,
                "  - id: {}\n    name: \"{}\"\n    kind: {}\n    level: {}",
                a.id, a.name, a.kind, self.level
            );
            if !a.registry.is_empty() {
                let _ = writeln!(out, "    registry: {}", a.registry);
            }
        }
        self.render_targets(&mut out);
        self.render_tasks(&mut out);
        out
    }

    fn render_targets(&self, out: &mut String) {
        out.push_str("\ntargets:\n");
        for t in &self.targets {
            let _ = writeln!(
                out,
                "  - id: {}\n    indicator: {}\n    unit: percent\n    population: {}\n    value: {{point: {}}}\n    year: {}",
                t.id, t.indicator, t.population, t.value, t.year
            );
            if !t.restates.is_empty() {
                out.push_str("    restates:\n");
                for (plan, item) in &t.restates {
                    let _ = writeln!(out, "      - {{plan: {plan}, item: {item}}}");
                }
            }
            let _ = writeln!(
                out,
                "    quote: \"{}\"\n    section: \"{}\"",
                t.quote, t.section
            );
        }
    }

    /// The tasks, and the progress section recording those done.
    fn render_tasks(&self, out: &mut String) {
        out.push_str("\ntasks:\n");
        let mut done = Vec::new();
        for t in &self.tasks {
            let title = t.title.replace('"', "\\\"");
            let _ = writeln!(
                out,
                "  - id: {}\n    title: \"{title}\"\n    leads: [{}]",
                t.id, t.lead
            );
            if t.requested() {
                out.push_str("    mode: requested\n");
            }
            if let Some(d) = &t.deadline {
                let _ = writeln!(
                    out,
                    "    deadline: {{wording: \"{}\", due: {}}}",
                    d.wording, d.due
                );
                if let Some(day) = &d.early
                    && t.id != OVERDUE_TASK
                {
                    done.push((&t.id, day));
                }
            }
            let _ = writeln!(out, "    function: {}", t.function);
            if !t.carries_out.is_empty() {
                out.push_str("    carries_out:\n");
                for (plan, item) in &t.carries_out {
                    let _ = writeln!(out, "      - {{plan: {plan}, item: {item}}}");
                }
            }
            let quote = match &t.deadline {
                Some(d) => format!("{title}, {}", d.wording),
                None => title,
            };
            let _ = writeln!(
                out,
                "    quote: \"{quote}\"\n    section: \"{}\"",
                t.section
            );
        }
        if !done.is_empty() {
            out.push_str("\nprogress:\n  tasks:\n");
            for (task, date) in done {
                let _ = writeln!(out, "    - {{task: {task}, state: done, date: {date}}}");
            }
        }
    }
}

fn province_targets(rng: &mut Rng, flaw: Option<Flaw>) -> Vec<Target> {
    let skipped = (flaw == Some(Flaw::Gap)).then(|| rng.below(NATIONAL_2030.len()));
    let lowered = (flaw == Some(Flaw::Shortfall)).then(|| rng.below(NATIONAL_2030.len() - 1));
    let mut targets = local_targets(rng, "II.3");
    for (i, national) in NATIONAL_2030.iter().enumerate() {
        let value = if lowered == Some(i) {
            national.value - rng.range(5, 10)
        } else {
            (national.value + rng.range(0, 15)).min(100)
        };
        if skipped == Some(i) {
            continue;
        }
        targets.push(Target {
            id: format!("{}-2030", slug(national.indicator)),
            indicator: national.indicator,
            population: national.population,
            value,
            year: 2030,
            restates: vec![(
                "de-an-1373".to_owned(),
                format!("{}.2030", national.indicator),
            )],
            quote: format!("Đến năm 2030: {value}% {}", national.wording),
            section: "II.2",
        });
    }
    targets
}

/// The province's tasks, and the one deadline each function gets.
fn province_tasks(
    rng: &mut Rng,
    flaw: Option<Flaw>,
) -> (Vec<Task>, BTreeMap<&'static str, Deadline>) {
    let mut deadlines = BTreeMap::new();
    let mut due = |rng: &mut Rng, function| {
        Some(
            deadlines
                .entry(function)
                .or_insert_with(|| deadline(rng))
                .clone(),
        )
    };
    let mut tasks: Vec<Task> = Vec::new();
    for &(item, function, lead, title) in DUTIES {
        tasks.push(Task {
            id: format!("de-an-1373-{item}"),
            title,
            function,
            lead,
            carries_out: vec![("de-an-1373".to_owned(), item.to_owned())],
            deadline: due(rng, function),
            section: "III",
        });
    }
    let count = 12 + rng.below(LOCAL_TASKS.len() - 11);
    for (n, &(title, function, lead)) in LOCAL_TASKS[..count].iter().enumerate() {
        tasks.push(Task {
            id: format!("t-iv-{n:02}"),
            title,
            function,
            lead,
            carries_out: Vec::new(),
            deadline: due(rng, function),
            section: "IV",
        });
    }
    if flaw == Some(Flaw::Overdue) {
        tasks.push(overdue_task());
    }
    (tasks, deadlines)
}

/// A commune's targets: its province's that bind a commune, restated.
fn commune_targets(rng: &mut Rng, parent: &Draft, flaw: Option<Flaw>) -> Vec<Target> {
    let mut targets = Vec::new();
    let binds = |t: &&Target| {
        NATIONAL_2030
            .iter()
            .find(|n| n.indicator == t.indicator)
            .is_none_or(|n| n.commune)
    };
    for above in parent.targets.iter().filter(binds) {
        let mut restates = vec![(parent.id.clone(), above.id.clone())];
        restates.extend(above.restates.iter().cloned());
        targets.push(Target {
            id: above.id.clone(),
            indicator: above.indicator,
            population: above.population,
            // Above the parent only on the scheme's 2030 figures, so a
            // commune's yearly figures keep rising as its province's do.
            value: match NATIONAL_2030
                .iter()
                .find(|n| n.indicator == above.indicator && above.year == 2030)
            {
                // At least the scheme's figure, even under a province
                // that asks less: a flaw is written into one file only.
                Some(national) => (above.value.max(national.value) + rng.range(0, 3)).min(100),
                None => above.value,
            },
            year: above.year,
            restates,
            quote: above.quote.clone(),
            section: "I.2",
        });
    }
    match flaw {
        Some(Flaw::Gap) => {
            let gone = rng.below(targets.len());
            targets.remove(gone);
        }
        Some(Flaw::Shortfall) => {
            // A 2030 figure: lowering a yearly one would also break its
            // rise from year to year, a second finding.
            let at_2030: Vec<usize> = (0..targets.len())
                .filter(|&i| targets[i].year == 2030)
                .collect();
            let lowered = *rng.pick(&at_2030);
            let above = parent
                .targets
                .iter()
                .find(|t| t.id == targets[lowered].id)
                .map_or(0, |t| t.value);
            targets[lowered].value = above - rng.range(3, 10);
        }
        _ => {}
    }
    targets
}

/// A commune's tasks: its province's that fall to it, and its own.
fn commune_tasks(rng: &mut Rng, parent: &Draft, flaw: Option<Flaw>) -> Vec<Task> {
    let mut tasks: Vec<Task> = parent
        .tasks
        .iter()
        .filter(|t| matches!(t.lead, "ubnd" | "hoi-kh-tinh") && t.id != OVERDUE_TASK)
        .map(|above| {
            let mut carries_out = vec![(parent.id.clone(), above.id.clone())];
            carries_out.extend(above.carries_out.iter().cloned());
            Task {
                id: format!("{}-{}", parent.province, above.id),
                title: above.title,
                function: above.function,
                lead: if above.lead == "ubnd" {
                    "ubnd"
                } else {
                    "hoi-kh-xa"
                },
                carries_out,
                deadline: above.deadline.clone(),
                section: "II.1",
            }
        })
        .collect();
    for (n, &(title, function, lead)) in COMMUNE_TASKS.iter().enumerate() {
        if rng.chance(70) {
            tasks.push(Task {
                id: format!("t-ii-{n:02}"),
                title,
                function,
                lead,
                carries_out: Vec::new(),
                deadline: Some(
                    parent
                        .deadlines
                        .get(function)
                        .cloned()
                        .unwrap_or_else(|| deadline(rng)),
                ),
                section: "II.2",
            });
        }
    }
    if flaw == Some(Flaw::Overdue) {
        tasks.push(overdue_task());
    }
    tasks
}

const OVERDUE_TASK: &str = "t-quy-che-phoi-hop";

/// Due on 30 June 2026 and not recorded as done.
fn overdue_task() -> Task {
    Task {
        id: OVERDUE_TASK.to_owned(),
        title: "Ban hành quy chế phối hợp thực hiện Kế hoạch",
        function: "planning",
        lead: "ubnd",
        carries_out: Vec::new(),
        deadline: Some(Deadline {
            wording: "trước ngày 30/6/2026".to_owned(),
            due: "{date: 2026-06-30}".to_owned(),
            early: Some("2026-06-01".to_owned()),
        }),
        section: "IV",
    }
}

/// Yearly figures for 2026-2029 on a few local indicators, rising each
/// year and staying at most 50%, below the 2030 figures of the scheme.
fn local_targets(rng: &mut Rng, section: &'static str) -> Vec<Target> {
    let indicators = 2 + rng.below(LOCAL_INDICATORS.len() - 1);
    let mut targets = Vec::new();
    for &(indicator, wording) in &LOCAL_INDICATORS[..indicators] {
        let mut value = rng.range(15, 30);
        for year in 2026..=2029 {
            value += rng.range(1, 5);
            targets.push(Target {
                id: format!("{}-{year}", slug(indicator)),
                indicator,
                population: "people",
                value,
                year,
                restates: Vec::new(),
                quote: format!("Năm {year}: phấn đấu {value}% {wording}"),
                section,
            });
        }
    }
    targets
}

fn vietnamese_date(iso: &str) -> String {
    let mut parts = iso.split('-');
    let (year, month, day) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    format!(
        "{}/{}/{year}",
        day.trim_start_matches('0'),
        month.trim_start_matches('0')
    )
}

/// A commune's bodies: id, name (the people's committee's is the commune's), kind.
const COMMUNE_AGENCIES: &[(&str, &str, &str)] = &[
    ("ubnd", "", "peoples_committee"),
    ("cong-chuc-vhxh", "Công chức Văn hóa - Xã hội", "office"),
    ("hoi-kh-xa", "Hội Khuyến học xã", "mass_organisation"),
    ("doan-tn", "Đoàn Thanh niên xã", "mass_organisation"),
    (
        "hoi-lhpn-xa",
        "Hội Liên hiệp Phụ nữ xã",
        "mass_organisation",
    ),
    (
        "tthtcd",
        "Trung tâm học tập cộng đồng",
        "public_service_unit",
    ),
];

/// A commune's own tasks: title, function, lead.
const COMMUNE_TASKS: &[(&str, &str, &str)] = &[
    (
        "Tổ chức các lớp chuyên đề tại trung tâm học tập cộng đồng",
        "community_learning_centres",
        "tthtcd",
    ),
    (
        "Tuyên truyền về học tập suốt đời trên hệ thống loa truyền thanh xã",
        "communication",
        "cong-chuc-vhxh",
    ),
    (
        "Vận động thanh niên tham gia các lớp kỹ năng số",
        "digital_learning",
        "doan-tn",
    ),
    (
        "Vận động hội viên phụ nữ xây dựng gia đình học tập",
        "learning_models",
        "hoi-lhpn-xa",
    ),
    (
        "Duy trì tủ sách cộng đồng ở các thôn",
        "libraries_museums",
        "cong-chuc-vhxh",
    ),
    ("Mở lớp xóa mù chữ cho người lớn", "literacy", "tthtcd"),
    (
        "Rà soát trẻ em trong độ tuổi đến trường",
        "universal_education",
        "cong-chuc-vhxh",
    ),
    (
        "Báo cáo kết quả xây dựng xã hội học tập",
        "reporting",
        "ubnd",
    ),
    (
        "Bố trí kinh phí hoạt động cho trung tâm học tập cộng đồng",
        "funding",
        "ubnd",
    ),
    (
        "Tổ chức Ngày hội học tập suốt đời ở thôn",
        "communication",
        "tthtcd",
    ),
    (
        "Bồi dưỡng kỹ năng cho cán bộ thôn",
        "civil_servant_training",
        "ubnd",
    ),
    (
        "Đánh giá, công nhận cộng đồng học tập cấp thôn",
        "inspection_and_review",
        "ubnd",
    ),
    (
        "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
        "digital_learning",
        "cong-chuc-vhxh",
    ),
    (
        "Phối hợp với trường học tổ chức học tập ngoài giờ",
        "continuing_education",
        "tthtcd",
    ),
];
