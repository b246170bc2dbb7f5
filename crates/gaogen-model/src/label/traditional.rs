//! Traditional characters in report labels and their simplified forms.

/// Traditional characters that occur in report labels, with their simplified forms.
const TRADITIONAL: &[(char, char)] = &[
    ('報', '报'),
    ('開', '开'),
    ('請', '请'),
    ('數', '数'),
    ('結', '结'),
    ('轉', '转'),
    ('處', '处'),
    ('總', '总'),
    ('計', '计'),
    ('機', '机'),
    ('構', '构'),
    ('織', '织'),
    ('務', '务'),
    ('規', '规'),
    ('範', '范'),
    ('許', '许'),
    ('罰', '罚'),
    ('強', '强'),
    ('費', '费'),
    ('決', '决'),
    ('議', '议'),
    ('訴', '诉'),
    ('訟', '讼'),
    ('維', '维'),
    ('糾', '纠'),
    ('審', '审'),
    ('項', '项'),
    ('條', '条'),
    ('關', '关'),
    ('類', '类'),
    ('屬', '属'),
    ('國', '国'),
    ('護', '护'),
    ('權', '权'),
    ('內', '内'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('複', '复'),
    ('復', '复'),
    ('製', '制'),
    ('會', '会'),
    ('組', '组'),
    ('業', '业'),
    ('個', '个'),
    ('無', '无'),
    ('現', '现'),
    ('與', '与'),
    ('況', '况'),
    ('題', '题'),
    ('進', '进'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('辦', '办'),
    ('實', '实'),
    ('對', '对'),
    ('發', '发'),
    ('廢', '废'),
    ('獲', '获'),
    ('繳', '缴'),
    ('納', '纳'),
    ('補', '补'),
    ('確', '确'),
    ('訪', '访'),
    ('舉', '举'),
    ('訊', '讯'),
    ('統', '统'),
    ('額', '额'),
    ('萬', '万'),
    ('採', '采'),
    ('購', '购'),
    ('穩', '稳'),
    ('資', '资'),
    ('種', '种'),
    ('義', '义'),
    ('體', '体'),
    ('單', '单'),
    ('據', '据'),
    ('應', '应'),
    ('經', '经'),
    ('濟', '济'),
    ('華', '华'),
    ('區', '区'),
    ('級', '级'),
    ('歸', '归'),
    ('檢', '检'),
    ('態', '态'),
    ('專', '专'),
    ('員', '员'),
    ('產', '产'),
    ('營', '营'),
    ('學', '学'),
    ('門', '门'),
    ('網', '网'),
    ('證', '证'),
    ('書', '书'),
    ('隊', '队'),
    ('問', '问'),
    ('擬', '拟'),
    ('訂', '订'),
    ('認', '认'),
    ('論', '论'),
    ('說', '说'),
    ('讀', '读'),
    ('責', '责'),
    ('勢', '势'),
    ('設', '设'),
    ('選', '选'),
    ('見', '见'),
    ('將', '将'),
    ('準', '准'),
    ('從', '从'),
    ('來', '来'),
    ('為', '为'),
    ('於', '于'),
    ('後', '后'),
    ('幾', '几'),
    ('當', '当'),
    ('達', '达'),
    ('則', '则'),
    ('時', '时'),
    ('間', '间'),
    ('並', '并'),
    ('僅', '仅'),
    ('給', '给'),
    ('號', '号'),
    ('圍', '围'),
    ('響', '响'),
    ('險', '险'),
    ('聯', '联'),
    ('繫', '系'),
    ('係', '系'),
    ('頁', '页'),
    ('們', '们'),
    ('這', '这'),
    ('還', '还'),
    ('東', '东'),
    ('陽', '阳'),
    ('黨', '党'),
    ('長', '长'),
    ('廳', '厅'),
    ('衛', '卫'),
    ('視', '视'),
    ('聽', '听'),
    ('傳', '传'),
    ('儘', '尽'),
    ('盡', '尽'),
    ('場', '场'),
    ('環', '环'),
    ('億', '亿'),
    ('倉', '仓'),
    ('醫', '医'),
];

/// The simplified form of a traditional character of [`TRADITIONAL`].
pub(super) fn simplified(c: char) -> char {
    /// The table sorted, and a bit per character of U+4E00..U+A000 saying whether it is in it
    /// (almost every character is not: one bit test instead of a binary search).
    struct Lookup {
        sorted: Vec<(char, char)>,
        bits: Vec<u64>,
    }
    const FIRST: u32 = 0x4e00;
    static LOOKUP: std::sync::OnceLock<Lookup> = std::sync::OnceLock::new();
    let code = c as u32;
    if code < FIRST {
        return c;
    }
    let lookup = LOOKUP.get_or_init(|| {
        let mut sorted = TRADITIONAL.to_vec();
        sorted.sort_unstable();
        let mut bits = vec![0u64; (0xa000 - FIRST as usize) / 64];
        for &(t, _) in &sorted {
            let i = t as usize - FIRST as usize;
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        Lookup { sorted, bits }
    });
    let i = (code - FIRST) as usize;
    if lookup
        .bits
        .get(i / 64)
        .is_some_and(|word| word & (1 << (i % 64)) == 0)
    {
        return c;
    }
    lookup
        .sorted
        .binary_search_by_key(&c, |&(t, _)| t)
        .map_or(c, |i| lookup.sorted[i].1)
}
