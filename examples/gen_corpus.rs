//! Synthetic corpus generator for benchmarks: N event reports, deterministic from a seed.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --n 1000 --seed 42 --out /tmp/corpus
//! ```
//!
//! Writes `DIR/NNNNNNN_<style>.txt` (2–8 KB each) and `DIR/truth.tsv` (report, event id,
//! pool ids of the persons it names) in three styles modelled on real think-tank and news
//! text:
//!
//! - **post-event report**: "CAPS POST-EVENT REPORT / Title: … / Event Date: … / Venue: …",
//!   "The session was chaired by Dr. X, Title at Org", then a paragraph per speaker
//!   ("Dr. Y, Title at Org, spoke on … Dr. Y said …");
//! - **news item**: headline, dateline ("NAIROBI, March 3 (Daily Ledger) –"), quotes
//!   (`"…," said X, director of Y`);
//! - **press release**: "Speakers: Name (Title, Org); …" and "Moderator: Name (Title, Org)".
//!
//! Persons, institutions and events come from pools sized with N, drawn with a heavy head
//! (rank = ⌊P·u^2.5⌋, a Zipf-like law: a few people appear in many reports, most in a few),
//! so resolution has real work: the same person recurs across reports, spelled with a
//! one-letter typo, without the middle name, or with another honorific; about 15 % of
//! reports describe an event already described by another source in another style (same
//! date, title, organiser and largely the same speakers). Names come from lists covering
//! South Asian, Arabic, Persian, Turkic, Slavic, East and South-East Asian, African,
//! European and Latin American names.
//!
//! Every report is a function of (seed, index) only, so generation runs on all cores and
//! any N is a prefix-stable extension of the corpus of a smaller N with the same pools…
//! except that pool sizes grow with N (so the corpora of two sizes differ).
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast, deterministic.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for the stream (seed, a, b).
    pub fn new(seed: u64, a: u64, b: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        r.0 ^= r.next().wrapping_add(a.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.0 ^= r.next().wrapping_add(b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
        r.next();
        r
    }
    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// One element of a list.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    /// Zipf-like rank in 0..n: ⌊n·u^2.5⌋.
    pub fn zipf(&mut self, n: usize) -> usize {
        ((n as f64 * self.unit().powf(2.5)) as usize).min(n - 1)
    }
}

const GIVEN_F: &[&str] = &[
    "Aisha", "Amina", "Ayesha", "Fatima", "Sadia", "Hina", "Nadia", "Sana", "Maryam", "Zainab", "Rabia", "Saima", "Farah",
    "Samina", "Shazia", "Noor", "Mehwish", "Uzma", "Anum", "Bushra", "Layla", "Leila", "Yasmin", "Rania", "Salma", "Huda",
    "Mariam", "Dina", "Nour", "Reem", "Shirin", "Parisa", "Azadeh", "Maryam", "Roya", "Elif", "Zeynep", "Ayse", "Emine",
    "Gulnara", "Dilnoza", "Aigerim", "Madina", "Elena", "Irina", "Olga", "Natalia", "Tatiana", "Svetlana", "Ekaterina",
    "Anastasia", "Yulia", "Roksolana", "Oksana", "Alisa", "Marta", "Agnieszka", "Katarzyna", "Zuzana", "Petra", "Ioana",
    "Mei", "Li", "Xiaoling", "Yan", "Jing", "Hui", "Yuki", "Haruka", "Aiko", "Keiko", "Ji-woo", "Min-ji", "Seo-yeon",
    "Linh", "Thu", "Mai", "Siti", "Dewi", "Putri", "Nurul", "Maria", "Rosario", "Imelda", "Priya", "Ananya", "Kavita",
    "Sunita", "Deepa", "Lakshmi", "Meera", "Nirmala", "Shanthi", "Chiamaka", "Ngozi", "Adaeze", "Folake", "Yetunde",
    "Amara", "Wanjiru", "Achieng", "Njeri", "Zawadi", "Makena", "Thandiwe", "Nomvula", "Lindiwe", "Abebech", "Selam",
    "Hirut", "Aminata", "Fatou", "Awa", "Mariama", "Ama", "Akosua", "Efua", "Sofia", "Lucia", "Carmen", "Isabel",
    "Gabriela", "Valentina", "Camila", "Fernanda", "Beatriz", "Ana", "Claire", "Sophie", "Camille", "Amelie", "Anna",
    "Katharina", "Julia", "Laura", "Sarah", "Emma", "Charlotte", "Eleanor", "Margaret", "Helen", "Ingrid", "Astrid",
    "Sigrid", "Chiara", "Giulia", "Francesca", "Eleni", "Sofia", "Katerina", "Rachel", "Miriam", "Tamar", "Noa",
];

const GIVEN_M: &[&str] = &[
    "Muhammad", "Ahmed", "Ali", "Hassan", "Hussain", "Imran", "Khurram", "Taimur", "Umair", "Zafar", "Shabbir", "Naeem",
    "Kamran", "Asif", "Tariq", "Faisal", "Bilal", "Usman", "Salman", "Farhan", "Adnan", "Rizwan", "Waqar", "Qasim",
    "Junaid", "Shahid", "Saad", "Omar", "Khalid", "Youssef", "Karim", "Mahmoud", "Mustafa", "Ibrahim", "Walid", "Nabil",
    "Samir", "Rashid", "Hamid", "Reza", "Dariush", "Mehdi", "Arash", "Kaveh", "Mehmet", "Emre", "Murat", "Kemal", "Serkan",
    "Baurzhan", "Nurlan", "Rustam", "Timur", "Farrukh", "Sergey", "Dmitri", "Andrey", "Alexei", "Vladimir", "Nikolai",
    "Pavel", "Mikhail", "Ivan", "Boris", "Leonid", "Gleb", "Oleksandr", "Taras", "Piotr", "Tomasz", "Jan", "Marek",
    "Wei", "Jun", "Hao", "Zhiwei", "Jian", "Lei", "Tao", "Hiroshi", "Takeshi", "Kenji", "Daisuke", "Min-jun", "Ji-hoon",
    "Sung-min", "Minh", "Tuan", "Quang", "Budi", "Agus", "Rizal", "Jose", "Ramon", "Rajesh", "Arjun", "Vikram", "Suresh",
    "Anil", "Sanjay", "Ravi", "Kumar", "Venkat", "Chinedu", "Emeka", "Oluwaseun", "Tunde", "Babajide", "Kwame", "Kofi",
    "Yaw", "Kwabena", "Mamadou", "Ousmane", "Cheikh", "Ibrahima", "Moussa", "Jomo", "Otieno", "Kipchoge", "Baraka",
    "Juma", "Thabo", "Sipho", "Bongani", "Tesfaye", "Dawit", "Abebe", "Yonas", "Carlos", "Miguel", "Javier", "Alejandro",
    "Diego", "Mateo", "Joao", "Pedro", "Rafael", "Luis", "Pierre", "Jean", "Louis", "Antoine", "Hans", "Klaus", "Stefan",
    "Matthias", "Lukas", "John", "James", "William", "Thomas", "Richard", "David", "Michael", "Robert", "Lars", "Erik",
    "Henrik", "Marco", "Luca", "Giovanni", "Andreas", "Nikos", "Giorgos", "Yosef", "Avi", "Daniel",
];

const FAMILY: &[&str] = &[
    "Khan", "Iqbal", "Ahmed", "Malik", "Qureshi", "Chaudhry", "Butt", "Sheikh", "Siddiqui", "Hashmi", "Rizvi", "Naqvi",
    "Bukhari", "Gilani", "Jaspal", "Cheema", "Lodhi", "Abbasi", "Rana", "Baig", "Mirza", "Durrani", "Afridi", "Yousafzai",
    "Khattak", "Baloch", "Memon", "Soomro", "Shah", "Hussain", "Raza", "Pervez", "Fahad", "Nawaz", "Tariq", "Rafique",
    "Usmani", "Ansari", "Farooqui", "Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Hamdan", "Abdullah", "Rahman",
    "Farouk", "Al-Masri", "El-Sayed", "Bakr", "Darwish", "Haidari", "Tehrani", "Hosseini", "Karimi", "Rahimi", "Moradi",
    "Ahmadi", "Jafari", "Yilmaz", "Kaya", "Demir", "Celik", "Sahin", "Ozturk", "Aydin", "Nazarbayev", "Suleimenov",
    "Karimov", "Yusupov", "Aliyev", "Mammadov", "Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Volkov", "Sokolov",
    "Lebedev", "Kozlov", "Novikov", "Morozov", "Orlov", "Zaitsev", "Korotayev", "Issaev", "Shishkina", "Serenko",
    "Volkhonsky", "Ganich", "Zigon", "Kovalenko", "Shevchenko", "Bondarenko", "Nowak", "Kowalski", "Wisniewski",
    "Novak", "Horvat", "Popescu", "Ionescu", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu",
    "Sun", "Ma", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kim", "Lee", "Park",
    "Choi", "Jung", "Nguyen", "Tran", "Pham", "Hoang", "Santoso", "Wijaya", "Susanto", "Hidayat", "Rahardjo",
    "Abdul Rahman", "Ibrahim", "Razak", "Reyes", "Santos", "Cruz", "Bautista", "Sharma", "Verma", "Gupta", "Singh",
    "Patel", "Iyer", "Nair", "Reddy", "Rao", "Mukherjee", "Banerjee", "Chatterjee", "Das", "Bose", "Perera",
    "Fernando", "Jayasuriya", "Wickramasinghe", "Rahim", "Chowdhury", "Hossain", "Islam", "Sarkar", "Thapa", "Shrestha",
    "Okafor", "Okonkwo", "Eze", "Nwosu", "Adeyemi", "Adebayo", "Ogunleye", "Balogun", "Mensah", "Owusu", "Boateng",
    "Asante", "Osei", "Diallo", "Ndiaye", "Diop", "Sow", "Traore", "Keita", "Coulibaly", "Kamau", "Mwangi", "Otieno",
    "Odhiambo", "Wanjala", "Kiprono", "Mutua", "Nyerere", "Mbeki", "Dlamini", "Nkosi", "Ndlovu", "Zulu", "Mokoena",
    "Tesfaye", "Bekele", "Haile", "Girma", "Alemu", "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez",
    "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Morales", "Silva", "Oliveira",
    "Souza", "Costa", "Pereira", "Almeida", "Carvalho", "Dubois", "Lefebvre", "Moreau", "Laurent", "Fontaine",
    "Rousseau", "Mercier", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann",
    "Schulz", "Koch", "Richter", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
    "Anderson", "Taylor", "Thompson", "Clarke", "Evans", "Hughes", "Campbell", "Murphy", "O'Brien", "Kelly", "Walsh",
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Hansen", "Larsen", "Virtanen", "Korhonen", "Rossi", "Russo",
    "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Papadopoulos", "Georgiou", "Dimitriou",
    "Konstantinou", "Cohen", "Levi", "Mizrahi", "Friedman", "Katz", "Van der Berg", "De Vries", "Janssen", "Peeters",
];

/// Honorifics, with the weight of each (Dr. and Prof. most common).
const HONORIFICS: &[&str] = &[
    "Dr.", "Dr.", "Dr.", "Dr.", "Prof.", "Prof.", "Prof. Dr.", "Mr.", "Mr.", "Mr.", "Ms.", "Ms.", "Mrs.", "Amb.",
    "Ambassador", "H.E.", "Lt. Gen. (R)", "Maj. Gen. (Retd)", "Air Marshal (R)", "Brig. (R)", "Engr.", "Senator",
    "Justice (R)", "Barrister",
];

const TITLES: &[&str] = &[
    "Director", "Executive Director", "President", "Senior Research Fellow", "Research Fellow", "Research Analyst",
    "Associate Professor", "Assistant Professor", "Professor of International Relations", "Dean of Social Sciences",
    "Vice Chancellor", "Chairman", "Chairperson", "Head of the Department of Political Science", "Programme Director",
    "Senior Fellow", "Visiting Fellow", "Non-Resident Fellow", "Director General", "Deputy Director", "Senior Advisor",
    "Policy Analyst", "Former Ambassador", "Former Foreign Secretary", "Chief Economist", "Founding Director",
    "General Secretary", "Head of Research", "Lecturer", "Senior Lecturer", "Editor", "Country Representative",
];

const FIELDS: &[&str] = &[
    "Strategic", "Regional", "International", "Policy", "Security", "Peace", "Development", "Economic", "Asian",
    "African", "European", "Middle East", "Maritime", "Energy", "Climate", "Migration", "Defence", "Eurasian",
    "Oriental", "Pacific", "Conflict", "Governance", "Social", "Legal", "Islamic", "Arctic", "Ocean", "Water",
    "Nuclear", "Trade", "Humanitarian", "Public Policy", "Central Asian", "South Asian", "Latin American",
];

/// (city, country) pairs; the country also names institutions and event titles.
const CITIES: &[(&str, &str)] = &[
    ("Islamabad", "Pakistan"), ("Lahore", "Pakistan"), ("Karachi", "Pakistan"), ("Moscow", "Russia"),
    ("Saint Petersburg", "Russia"), ("Beijing", "China"), ("Shanghai", "China"), ("New Delhi", "India"),
    ("Mumbai", "India"), ("Dhaka", "Bangladesh"), ("Colombo", "Sri Lanka"), ("Kathmandu", "Nepal"), ("Kabul", "Afghanistan"),
    ("Tehran", "Iran"), ("Ankara", "Turkey"), ("Istanbul", "Turkey"), ("Almaty", "Kazakhstan"), ("Tashkent", "Uzbekistan"),
    ("Baku", "Azerbaijan"), ("Tbilisi", "Georgia"), ("Riyadh", "Saudi Arabia"), ("Doha", "Qatar"), ("Dubai", "United Arab Emirates"),
    ("Amman", "Jordan"), ("Beirut", "Lebanon"), ("Cairo", "Egypt"), ("Rabat", "Morocco"), ("Tunis", "Tunisia"),
    ("Nairobi", "Kenya"), ("Addis Ababa", "Ethiopia"), ("Lagos", "Nigeria"), ("Abuja", "Nigeria"), ("Accra", "Ghana"),
    ("Dakar", "Senegal"), ("Johannesburg", "South Africa"), ("Pretoria", "South Africa"), ("Kampala", "Uganda"),
    ("Dar es Salaam", "Tanzania"), ("Jakarta", "Indonesia"), ("Kuala Lumpur", "Malaysia"), ("Singapore", "Singapore"),
    ("Manila", "Philippines"), ("Bangkok", "Thailand"), ("Hanoi", "Vietnam"), ("Seoul", "South Korea"), ("Tokyo", "Japan"),
    ("Berlin", "Germany"), ("Paris", "France"), ("London", "United Kingdom"), ("Brussels", "Belgium"), ("Geneva", "Switzerland"),
    ("Vienna", "Austria"), ("Warsaw", "Poland"), ("Kyiv", "Ukraine"), ("Rome", "Italy"), ("Madrid", "Spain"),
    ("Stockholm", "Sweden"), ("Athens", "Greece"), ("Mexico City", "Mexico"), ("Bogota", "Colombia"), ("Lima", "Peru"),
    ("Santiago", "Chile"), ("Buenos Aires", "Argentina"), ("Sao Paulo", "Brazil"), ("Washington", "United States"),
    ("New York", "United States"), ("Ottawa", "Canada"), ("Canberra", "Australia"),
];

const TOPICS: &[&str] = &[
    "regional connectivity", "water security", "climate adaptation", "maritime security", "the energy transition",
    "labour migration", "digital governance", "nuclear non-proliferation", "counter-terrorism", "trade and investment",
    "food security", "public health", "artificial intelligence", "cyber security", "debt sustainability",
    "cultural diplomacy", "border management", "refugee protection", "arms control", "critical minerals",
    "the Belt and Road Initiative", "great power competition", "multilateralism", "peacekeeping", "urbanisation",
    "youth unemployment", "higher education", "disinformation", "supply chains", "sanctions", "the blue economy",
    "transboundary rivers", "space policy", "democratic transitions", "regional integration", "humanitarian access",
];

const EVENT_KINDS: &[&str] = &[
    "seminar", "roundtable", "conference", "webinar", "panel discussion", "workshop", "book launch", "symposium",
    "policy dialogue", "public lecture",
];

const VENUES: &[&str] = &[
    "Serena Hotel", "Marriott Hotel", "Hotel Crown Plaza", "Movenpick Hotel", "the Institute's auditorium", "Jinnah Hall",
    "the Conference Hall", "the Senate Hall", "the Main Library Auditorium", "Pearl Continental Hotel", "Radisson Blu",
    "the National Library", "Convention Centre", "the Board Room",
];

const OUTLETS: &[&str] = &[
    "Daily Ledger", "The Frontier Post", "Capital Tribune", "The Morning Courier", "Continental Wire", "The Observer Daily",
    "Regional News Service", "The Evening Standard-Herald", "Policy Wire", "The Coastal Times",
];

const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const SAY: &[&str] = &["said", "noted", "argued", "stressed", "observed", "emphasised", "pointed out", "remarked", "added"];

const CLAIMS: &[&str] = &[
    "{topic} could no longer be treated as a secondary issue in relations between {c1} and {c2}",
    "the region needed institutions that outlast political cycles",
    "cooperation on {topic} required sustained investment rather than declarations",
    "{c1} and {c2} had more in common on {topic} than their official rhetoric suggested",
    "the absence of reliable data made sound policy on {topic} almost impossible",
    "smaller states should not be forced to choose between competing powers",
    "{topic} was becoming a test of the credibility of regional organisations",
    "universities and think tanks had a role in building trust between {c1} and {c2}",
    "the private sector was moving faster on {topic} than governments",
    "earlier agreements on {topic} had been poorly implemented",
    "public opinion in {c1} was increasingly sceptical of grand strategies",
    "a new framework for {topic} had to rest on mutual respect and shared interests",
];

const FILLER: &[&str] = &[
    "Participants agreed that {topic} had moved to the centre of the policy agenda in {c1}.",
    "The discussion reflected a growing recognition that {topic} cannot be addressed by any single country.",
    "Several participants pointed to the experience of {c2} as a useful point of comparison.",
    "Questions from the audience focused on the practical steps needed over the next five years.",
    "The debate also touched on the financing gap and the role of development banks.",
    "It was noted that {topic} and {topic2} are closely linked and should be addressed together.",
    "Historical grievances, it was argued, continue to shape perceptions on both sides.",
    "The exchange highlighted the need for better coordination between ministries and research bodies.",
    "Young researchers in the audience raised concerns about access to data and archives.",
    "The forum emphasised proactive engagement, institutional collaboration and sustainable people-to-people linkages.",
    "Structural changes in the global order have opened new avenues of cooperation beyond the traditional strategic realm.",
    "Much of the attention, however, remains on high politics, while {topic2} receives far less.",
    "Regional trade remains well below its potential, held back by tariffs, weak infrastructure and mistrust.",
    "Experts cautioned against reading too much into short-term diplomatic gestures.",
    "The role of the media in shaping public debate on {topic} was discussed at some length.",
    "Bilateral mechanisms created in the previous decade were described as underused.",
    "A number of speakers called for joint research programmes and regular exchanges of scholars.",
    "The event was attended by diplomats, academics, students and members of civil society.",
    "Climate stress, demographic pressure and urban growth were identified as long-term drivers of risk.",
    "The need for a consistent and predictable policy framework was repeatedly underlined.",
];

const HEADLINE: &[&str] = &[
    "Experts call for deeper cooperation on {topic}",
    "Speakers urge fresh thinking on {topic}",
    "{c1}-{c2} ties: scholars weigh {topic}",
    "Think tank debates future of {topic}",
    "Panel examines {topic} in changing world order",
];

const TITLE_PATTERNS: &[&str] = &[
    "{c1}-{c2} Cooperation in {Topic}",
    "The Future of {Topic} in {region}",
    "{Topic}: Challenges and Opportunities for {c1}",
    "Rethinking {Topic} after the Pandemic",
    "{c1} and {c2}: Prospects for {Topic}",
    "{Topic} and the Changing Geopolitics of {region}",
    "Building Resilience through {Topic}",
];

const REGIONS: &[&str] = &[
    "South Asia", "Central Asia", "the Middle East", "the Asia-Pacific", "Eurasia", "the Horn of Africa", "West Africa",
    "the Indian Ocean", "Latin America", "the Gulf", "Southeast Asia", "the Black Sea Region", "East Africa",
];

/// A person of the pool.
#[derive(Clone, Debug)]
pub struct Person {
    pub given: String,
    pub middle: Option<String>,
    pub family: String,
    pub honorific: &'static str,
    pub title: &'static str,
    pub inst: usize,
    pub she: bool,
}

/// An institution of the pool.
#[derive(Clone, Debug)]
pub struct Inst {
    pub name: String,
    pub acronym: Option<String>,
    pub city: usize,
}

/// An event, possibly reported by several reports.
#[derive(Clone, Debug)]
pub struct Event {
    pub title: String,
    pub kind: &'static str,
    pub year: u32,
    pub month: usize,
    pub day: u32,
    pub weekday: &'static str,
    pub venue: &'static str,
    pub city: usize,
    pub org: usize,
    pub topics: Vec<&'static str>,
    pub chair: usize,
    pub moderator: Option<usize>,
    pub speakers: Vec<usize>,
    pub discussant: Option<usize>,
    pub chief_guest: Option<usize>,
}

/// The pools of a corpus of `n` reports.
pub struct Corpus {
    pub n: usize,
    pub seed: u64,
    pub persons: usize,
    pub insts: usize,
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| if ["and", "of", "the", "in"].contains(&w) { w.to_string() } else { cap(w) })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches("The ")
        .to_string()
}

fn acronym_of(name: &str) -> String {
    name.split(|c: char| c == ' ' || c == '-')
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .map(|w| w.chars().next().unwrap())
        .collect()
}

impl Corpus {
    /// The pools for `n` reports: about 1.5 persons and 0.2 institutions per report.
    pub fn new(n: usize, seed: u64) -> Corpus {
        Corpus { n, seed, persons: 200 + n * 3 / 2, insts: 60 + n / 5 }
    }

    /// Institution `i` of the pool.
    pub fn inst(&self, i: usize) -> Inst {
        let mut r = Rng::new(self.seed, 1, i as u64);
        let city = r.below(CITIES.len());
        let (cname, country) = CITIES[city];
        let f = r.pick(FIELDS);
        let name = match r.below(12) {
            0 => format!("Institute of {f} Studies"),
            1 => format!("Centre for {f} Research"),
            2 => format!("{cname} University"),
            3 => format!("University of {cname}"),
            4 => format!("{country} Institute of International Affairs"),
            5 => format!("{f} Policy Forum"),
            6 => format!("{country} Council on {f} Affairs"),
            7 => format!("{} Foundation", r.pick(FAMILY)),
            8 => format!("Academy of {f} Sciences"),
            9 => format!("Ministry of Foreign Affairs of {country}"),
            10 => format!("National Institute for {f} Studies"),
            _ => format!("Center for {f} and {} Studies", r.pick(FIELDS)),
        };
        let acronym = if r.chance(0.6) { Some(acronym_of(&name)).filter(|a| a.len() >= 3 && a != "ASS") } else { None };
        Inst { name, acronym, city }
    }

    /// Person `i` of the pool.
    pub fn person(&self, i: usize) -> Person {
        let mut r = Rng::new(self.seed, 2, i as u64);
        let she = r.chance(0.4);
        let given = r.pick(if she { GIVEN_F } else { GIVEN_M }).to_string();
        let middle = if r.chance(0.3) { Some(r.pick(if she { GIVEN_F } else { GIVEN_M }).to_string()) } else { None };
        let family = r.pick(FAMILY).to_string();
        let mut honorific = r.pick(HONORIFICS);
        if she && (honorific == "Mr.") {
            honorific = "Ms.";
        }
        if !she && (honorific == "Ms." || honorific == "Mrs.") {
            honorific = "Mr.";
        }
        let title = r.pick(TITLES);
        let inst = r.zipf(self.insts);
        Person { given, middle, family, honorific, title, inst, she }
    }

    /// Whether report `i` re-reports an earlier report's event, and which.
    fn shared_with(&self, i: usize) -> Option<usize> {
        if i == 0 {
            return None;
        }
        let mut r = Rng::new(self.seed, 3, i as u64);
        if r.chance(0.15) {
            Some(i - 1 - r.below(i.min(300)))
        } else {
            None
        }
    }

    /// The event id report `i` describes (the index of the first report of it).
    pub fn event_id(&self, mut i: usize) -> usize {
        while let Some(j) = self.shared_with(i) {
            i = j;
        }
        i
    }

    /// Event `e`.
    pub fn event(&self, e: usize) -> Event {
        let mut r = Rng::new(self.seed, 4, e as u64);
        let org = r.zipf(self.insts);
        let city = if r.chance(0.7) { self.inst(org).city } else { r.below(CITIES.len()) };
        let c1 = CITIES[city].1;
        let c2 = CITIES[r.below(CITIES.len())].1;
        let mut topics = vec![r.pick(TOPICS)];
        while topics.len() < 3 {
            let t = r.pick(TOPICS);
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        let title = r
            .pick(TITLE_PATTERNS)
            .replace("{c1}", c1)
            .replace("{c2}", c2)
            .replace("{Topic}", &title_case(topics[0]))
            .replace("{region}", r.pick(REGIONS));
        let mut people: Vec<usize> = Vec::new();
        let k = 3 + r.below(6);
        while people.len() < k {
            let p = r.zipf(self.persons);
            if !people.contains(&p) {
                people.push(p);
            }
        }
        let chair = people.remove(0);
        let moderator = if r.chance(0.5) { Some(people.remove(0)) } else { None };
        let discussant = if people.len() > 2 && r.chance(0.3) { people.pop() } else { None };
        let chief_guest = if people.len() > 2 && r.chance(0.25) { people.pop() } else { None };
        Event {
            title,
            kind: r.pick(EVENT_KINDS),
            year: 2012 + r.below(14) as u32,
            month: r.below(12),
            day: 1 + r.below(28) as u32,
            weekday: r.pick(WEEKDAYS),
            venue: r.pick(VENUES),
            city,
            org,
            topics,
            chair,
            moderator,
            speakers: people,
            discussant,
            chief_guest,
        }
    }
}

/// How a person is written in one report: spelling variants drawn per report.
struct Written {
    hon: String,
    full: String,
    short: String,
    pronoun: &'static str,
    title: String,
    inst: String,
    inst_short: String,
}

fn typo(r: &mut Rng, w: &str) -> String {
    let cs: Vec<char> = w.chars().collect();
    if cs.len() < 5 {
        return w.to_string();
    }
    // drop one of a doubled letter, else swap an interior vowel
    for i in 1..cs.len() - 1 {
        if cs[i] == cs[i + 1] {
            let mut out = cs.clone();
            out.remove(i);
            return out.into_iter().collect();
        }
    }
    let vowels: Vec<usize> = (1..cs.len()).filter(|&i| "aeiou".contains(cs[i])).collect();
    if vowels.is_empty() {
        return w.to_string();
    }
    let i = vowels[r.below(vowels.len())];
    let mut out = cs.clone();
    out[i] = match cs[i] {
        'a' => 'e',
        'e' => 'i',
        'i' => 'e',
        'o' => 'u',
        _ => 'o',
    };
    out.into_iter().collect()
}

fn written(c: &Corpus, r: &mut Rng, pid: usize, truth: &mut Vec<usize>) -> Written {
    truth.push(pid);
    let p = c.person(pid);
    let mut given = p.given.clone();
    let mut family = p.family.clone();
    if r.chance(0.08) {
        if r.chance(0.7) {
            family = typo(r, &family);
        } else {
            given = typo(r, &given);
        }
    }
    let middle = p.middle.filter(|_| !r.chance(0.35));
    let hon = if r.chance(0.15) { if r.chance(0.5) { String::new() } else { r.pick(HONORIFICS).to_string() } } else { p.honorific.to_string() };
    let full = match middle {
        Some(m) => format!("{given} {m} {family}"),
        None => format!("{given} {family}"),
    };
    let inst_id = if r.chance(0.05) { r.zipf(c.insts) } else { p.inst };
    let inst = c.inst(inst_id);
    let inst_short = inst.acronym.clone().filter(|_| r.chance(0.3)).unwrap_or_else(|| inst.name.clone());
    let inst_name = match (&inst.acronym, r.chance(0.3)) {
        (Some(a), true) => format!("{} ({a})", inst.name),
        _ => inst.name.clone(),
    };
    let title = if r.chance(0.2) { r.pick(TITLES).to_string() } else { p.title.to_string() };
    Written {
        short: family.rsplit(' ').next().unwrap_or(&family).to_string(),
        hon,
        full,
        pronoun: if p.she { "she" } else { "he" },
        title,
        inst: inst_name,
        inst_short,
    }
}

impl Written {
    fn named(&self) -> String {
        if self.hon.is_empty() {
            self.full.clone()
        } else {
            format!("{} {}", self.hon, self.full)
        }
    }
    fn later(&self) -> String {
        if self.hon.is_empty() || self.hon.contains('(') || self.hon == "H.E." {
            self.short.clone()
        } else {
            format!("{} {}", self.hon.split(' ').next().unwrap_or(""), self.short)
        }
    }
}

fn fill(r: &mut Rng, tpl: &str, ev: &Event) -> String {
    let c2 = CITIES[r.below(CITIES.len())].1;
    let t1 = r.below(ev.topics.len());
    let t2 = (t1 + 1 + r.below(ev.topics.len() - 1)) % ev.topics.len();
    tpl.replace("{topic}", ev.topics[t1])
        .replace("{topic2}", ev.topics[t2])
        .replace("{c1}", CITIES[ev.city].1)
        .replace("{c2}", c2)
}

fn claim(r: &mut Rng, ev: &Event) -> String {
    let t = CLAIMS[r.below(CLAIMS.len())];
    fill(r, t, ev)
}

fn filler_para(r: &mut Rng, ev: &Event, sentences: usize) -> String {
    let mut s = String::new();
    for k in 0..sentences {
        if k > 0 {
            s.push(' ');
        }
        let t = FILLER[r.below(FILLER.len())];
        s.push_str(&fill(r, t, ev));
    }
    s
}

/// A paragraph on one speaker: who they are, then what they said.
fn speaker_para(r: &mut Rng, ev: &Event, w: &Written, intro: &str, budget: usize) -> String {
    let mut s = String::new();
    let topic = ev.topics[r.below(ev.topics.len())];
    match r.below(3) {
        0 => {
            let _ = write!(s, "{}, {} at the {}, {intro} {topic}. ", w.named(), w.title, w.inst);
        }
        1 => {
            let _ = write!(s, "{}, {} of {}, {intro} {topic}. ", w.named(), w.title, w.inst);
        }
        _ => {
            let _ = write!(s, "Speaking on {topic}, {} ({}, {}) said that {}. ", w.named(), w.title, w.inst_short, claim(r, ev));
        }
    }
    while s.len() < budget {
        let c = claim(r, ev);
        match r.below(4) {
            0 => {
                let _ = write!(s, "{} {} that {c}. ", w.later(), r.pick(SAY));
            }
            1 => {
                let _ = write!(s, "According to {}, {c}. ", w.later());
            }
            2 => {
                let _ = write!(s, "{} also {} that {c}. ", cap(w.pronoun), r.pick(SAY));
            }
            _ => {
                s.push_str(&filler_para(r, ev, 1));
                s.push(' ');
            }
        }
    }
    s.trim_end().to_string()
}

fn date_long(ev: &Event) -> String {
    format!("{} {}, {}", MONTHS[ev.month], ev.day, ev.year)
}

fn post_event(c: &Corpus, r: &mut Rng, ev: &Event, target: usize, truth: &mut Vec<usize>) -> String {
    let org = c.inst(ev.org);
    let mut s = String::new();
    let head = org.acronym.clone().unwrap_or_else(|| org.name.clone());
    let _ = write!(s, "{} POST-EVENT REPORT\n\nTitle: {}\n\nEvent Date: {}\n\nVenue: {}, {}\n\n", head.to_uppercase(), ev.title, date_long(ev), ev.venue, CITIES[ev.city].0);
    let chair = written(c, r, ev.chair, truth);
    let moderator = ev.moderator.map(|m| written(c, r, m, truth));
    if let Some(m) = &moderator {
        let _ = write!(s, "Moderator: {}, {} of {}\n\n", m.full, m.title, m.inst_short);
    }
    let _ = write!(s, "Executive Summary\n\n{}\n\n\nSession Highlights\n\n", { let k = 3 + r.below(3); filler_para(r, ev, k) });
    let per = target.saturating_sub(1400) / (ev.speakers.len() + 2).max(1);
    let _ = write!(
        s,
        "- The session was chaired by {}, {} at {}, who {} {}. {}\n",
        chair.named(),
        chair.title,
        chair.inst,
        r.pick(&["opened the discussion on", "reaffirmed the institute's commitment to work on", "set out the context of"]),
        ev.topics[0],
        filler_para(r, ev, 1)
    );
    for &p in &ev.speakers {
        let w = written(c, r, p, truth);
        let intro = r.pick(&["delivered a thought-provoking address on", "spoke about", "presented a paper on", "shared insights on"]);
        let _ = writeln!(s, "- {}", speaker_para(r, ev, &w, intro, per.max(150)));
    }
    if let Some(d) = ev.discussant {
        let w = written(c, r, d, truth);
        let _ = writeln!(s, "- {} offered remarks as a discussant, observing that {}.", w.named(), claim(r, ev));
    }
    if let Some(g) = ev.chief_guest {
        let w = written(c, r, g, truth);
        let _ = writeln!(s, "- {}, {}, was the chief guest on the occasion.", w.named(), w.title);
    }
    if let Some(m) = &moderator {
        let _ = writeln!(s, "- The question-and-answer session was moderated by {}.", m.later());
    }
    while s.len() < target {
        let _ = write!(s, "\n{}\n", { let k = 2 + r.below(3); filler_para(r, ev, k) });
    }
    let _ = write!(s, "\nIn {} concluding remarks, {} thanked the speakers and participants.\n", if chair.pronoun == "she" { "her" } else { "his" }, chair.later());
    s
}

fn news(c: &Corpus, r: &mut Rng, ev: &Event, target: usize, truth: &mut Vec<usize>) -> String {
    let org = c.inst(ev.org);
    let mut s = String::new();
    let t = HEADLINE[r.below(HEADLINE.len())];
    let hl = fill(r, t, ev);
    let _ = write!(s, "{}\n\n", cap(&hl));
    let _ = write!(
        s,
        "{}, {} ({}) – The {} on {} hosted a {} titled \"{}\" at {}, bringing together scholars, diplomats and students.\n\n",
        CITIES[ev.city].0.to_uppercase(),
        date_long(ev),
        r.pick(OUTLETS),
        org.name,
        ev.weekday,
        ev.kind,
        ev.title,
        ev.venue
    );
    let chair = written(c, r, ev.chair, truth);
    let per = target.saturating_sub(900) / (ev.speakers.len() + 2).max(1);
    let _ = write!(s, "\"{},\" said {}, {} of the {}, who chaired the session.\n\n", cap(&claim(r, ev)), chair.full, chair.title.to_lowercase(), chair.inst);
    for &p in &ev.speakers {
        let w = written(c, r, p, truth);
        let start = s.len();
        match r.below(3) {
            0 => {
                let _ = write!(s, "\"{},\" said {}, {} at {}.", cap(&claim(r, ev)), w.named(), w.title.to_lowercase(), w.inst);
            }
            1 => {
                let _ = write!(s, "{}, a {} at the {}, said {}.", w.named(), w.title.to_lowercase(), w.inst, claim(r, ev));
            }
            _ => {
                let _ = write!(s, "{} of {} warned that {}.", w.named(), w.inst_short, claim(r, ev));
            }
        }
        while s.len() - start < per {
            let _ = write!(s, " \"{},\" {} {}.", cap(&claim(r, ev)), w.short, r.pick(SAY));
        }
        s.push_str("\n\n");
    }
    if let Some(m) = ev.moderator {
        let w = written(c, r, m, truth);
        let _ = write!(s, "The discussion was moderated by {}, {} of {}.\n\n", w.named(), w.title.to_lowercase(), w.inst_short);
    }
    while s.len() < target {
        let _ = write!(s, "{}\n\n", { let k = 2 + r.below(2); filler_para(r, ev, k) });
    }
    s
}

fn press_release(c: &Corpus, r: &mut Rng, ev: &Event, target: usize, truth: &mut Vec<usize>) -> String {
    let org = c.inst(ev.org);
    let mut s = String::new();
    let org_named = match &org.acronym {
        Some(a) => format!("{} ({a})", org.name),
        None => org.name.clone(),
    };
    let _ = write!(s, "PRESS RELEASE\n\n{} hosts {}: {}\n\n", org.name, ev.kind, ev.title);
    let _ = write!(
        s,
        "{}, {} — The {} held a {} on \"{}\" at {}. {}\n\n",
        CITIES[ev.city].0,
        date_long(ev),
        org_named,
        ev.kind,
        ev.title,
        ev.venue,
        filler_para(r, ev, 2)
    );
    let mut list = Vec::new();
    let chair = written(c, r, ev.chair, truth);
    for &p in &ev.speakers {
        let w = written(c, r, p, truth);
        list.push(format!("{} {} ({}, {})", w.hon, w.full, w.title, w.inst_short).trim().to_string());
    }
    let _ = write!(s, "Chair: {} ({}, {})\n\n", chair.named(), chair.title, chair.inst_short);
    let _ = write!(s, "Speakers: {}\n\n", list.join("; "));
    if let Some(m) = ev.moderator {
        let w = written(c, r, m, truth);
        let _ = write!(s, "Moderator: {} ({}, {})\n\n", w.named(), w.title, w.inst_short);
    }
    if let Some(d) = ev.discussant {
        let w = written(c, r, d, truth);
        let _ = write!(s, "Discussant: {} ({}, {})\n\n", w.named(), w.title, w.inst_short);
    }
    let _ = write!(s, "Topics: {}\n\n", ev.topics.join(", "));
    let footer = format!(
        "About {}\n\nThe {} is an independent research institution based in {}.\n\nMedia contact: press@{}.org\n",
        org.acronym.as_deref().unwrap_or(&org.name),
        org.name,
        CITIES[org.city].0,
        org.acronym.as_deref().unwrap_or("institute").to_lowercase()
    );
    while s.len() + footer.len() < target {
        let _ = write!(s, "{}\n\n", { let k = 2 + r.below(3); filler_para(r, ev, k) });
    }
    s.push_str(&footer);
    s
}

const STYLES: [&str; 3] = ["report", "news", "press"];

/// The style of report `i` (its generator `r` is advanced past the choice).
fn style_of(c: &Corpus, i: usize, r: &mut Rng) -> usize {
    let mut style = r.below(3);
    let e = c.event_id(i);
    if e != i {
        // another source: another style than the first report of the event
        let first = Rng::new(c.seed, 5, e as u64).below(3);
        if style == first {
            style = (style + 1 + r.below(2)) % 3;
        }
    }
    style
}

/// The file name of report `i`.
pub fn file_name(c: &Corpus, i: usize) -> String {
    let style = style_of(c, i, &mut Rng::new(c.seed, 5, i as u64));
    format!("{i:07}_{}.txt", STYLES[style])
}

/// Report `i`: (file name, text, event id, pool ids of the persons named).
pub fn report(c: &Corpus, i: usize) -> (String, String, usize, Vec<usize>) {
    let mut r = Rng::new(c.seed, 5, i as u64);
    let e = c.event_id(i);
    let ev = c.event(e);
    let style = style_of(c, i, &mut r);
    let target = 2000 + r.below(5600);
    let mut truth = Vec::new();
    let mut text = match style {
        0 => post_event(c, &mut r, &ev, target, &mut truth),
        1 => news(c, &mut r, &ev, target, &mut truth),
        _ => press_release(c, &mut r, &ev, target, &mut truth),
    };
    if text.len() > 8000 {
        // cut at a paragraph end below 8 KB
        let cut = text[..8000].rfind("\n\n").unwrap_or(8000);
        text.truncate(cut);
        text.push('\n');
    }
    (format!("{i:07}_{}.txt", STYLES[style]), text, e, truth)
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub events: usize,
    pub persons_named: usize,
}

/// Writes reports `0..n` into `out` (created) on all cores, plus `truth.tsv`.
pub fn generate(n: usize, seed: u64, out: &Path) -> io::Result<Stats> {
    std::fs::create_dir_all(out)?;
    let c = Corpus::new(n, seed);
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n.max(1));
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let parts: Vec<io::Result<(u64, String)>> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|t| {
                let c = &c;
                s.spawn(move || -> io::Result<(u64, String)> {
                    let mut bytes = 0u64;
                    let mut truth = String::new();
                    for i in t * chunk..((t + 1) * chunk).min(n) {
                        let (name, text, e, ps) = report(c, i);
                        bytes += text.len() as u64;
                        std::fs::write(out.join(&name), &text)?;
                        let ids: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
                        let _ = writeln!(truth, "{name}\t{e}\t{}", ids.join(","));
                    }
                    Ok((bytes, truth))
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().expect("generator thread")).collect()
    });
    let mut st = Stats { files: n, ..Default::default() };
    let mut truth = String::from("report\tevent\tpersons\n");
    let mut events = std::collections::HashSet::new();
    let mut persons = std::collections::HashSet::new();
    for p in parts {
        let (b, t) = p?;
        st.bytes += b;
        for line in t.lines() {
            let mut f = line.split('\t');
            f.next();
            events.insert(f.next().unwrap_or("").to_string());
            for p in f.next().unwrap_or("").split(',') {
                persons.insert(p.to_string());
            }
        }
        truth.push_str(&t);
    }
    std::fs::write(out.join("truth.tsv"), truth)?;
    st.events = events.len();
    st.persons_named = persons.len();
    Ok(st)
}

/// The `.txt` paths [`generate`] writes for `n` reports, in order.
pub fn paths(n: usize, seed: u64, out: &Path) -> Vec<PathBuf> {
    let c = Corpus::new(n, seed);
    (0..n).map(|i| out.join(file_name(&c, i))).collect()
}

fn main() {
    let mut n = 1000usize;
    let mut seed = 42u64;
    let mut out: Option<PathBuf> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--n" => n = v.parse().expect("--n N"),
            "--seed" => seed = v.parse().expect("--seed S"),
            "--out" => out = Some(PathBuf::from(v)),
            "-h" | "--help" => {
                eprintln!("usage: gen_corpus --n N --seed S --out DIR");
                return;
            }
            a => panic!("unknown argument {a} (usage: gen_corpus --n N --seed S --out DIR)"),
        }
        i += 2;
    }
    let out = out.expect("--out DIR is required");
    let t = std::time::Instant::now();
    let st = generate(n, seed, &out).expect("writing the corpus");
    eprintln!(
        "wrote {} reports, {:.1} MB, {} events, {} distinct persons named, to {} in {:.1} s",
        st.files,
        st.bytes as f64 / 1e6,
        st.events,
        st.persons_named,
        out.display(),
        t.elapsed().as_secs_f64()
    );
}
