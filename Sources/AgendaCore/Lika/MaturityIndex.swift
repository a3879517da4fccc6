/// The maturity index of a set of answers (an area of a self-assessment): the mean of the answers' steps on
/// the scale, *Ej planerad* = 0, *Planerad* = 1, *Påbörjad* = 2, *Nästan där* = 3, *Uppfyllt* = 4, scaled to
/// 0–100 and rounded half up; *Ej relevant* is left out. No answer on the scale gives no index.
///
/// The one computation of the index: the web's LIKA summary uses it, and the LIKA report should too, so the
/// same assessment shows the same index everywhere.
public enum MaturityIndex {
    /// 0–100, or nil when none of `answers` lies on the scale.
    public static func index(_ answers: [MaturityAnswer]) -> Int? {
        let ranks = answers.compactMap(\.rank)
        guard !ranks.isEmpty else { return nil }
        let sum = ranks.reduce(0, +), n = ranks.count
        // round(100 · sum / (4n)) in integers: (200 · sum + 4n) / (8n).
        return (200 * sum + 4 * n) / (8 * n)
    }
}
