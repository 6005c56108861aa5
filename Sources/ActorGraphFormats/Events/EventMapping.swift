import ActorGraphCore

/// How event codes become relation types: CAMEO codes (GDELT, ICEWS) by longest prefix, PLOVER
/// categories (with an optional mode) and ACLED event types (with an optional sub-event type).
/// Read from a tab-separated data file; ``standard`` is ``defaultEventMappingText``.
public struct EventMapping: Sendable {
    public enum Scheme: String, Sendable, CaseIterable { case cameo, plover, acled }

    /// A code's mapping: a type, or nil for "no relation".
    private var entries: [Scheme: [String: RelationType?]] = [:]

    /// The documented default.
    public static let standard: EventMapping = try! EventMapping(text: defaultEventMappingText, file: "default mapping")

    /// The default mapping's text, for `--print-mapping`.
    public static var standardText: String { defaultEventMappingText }

    /// Parses a mapping file: `scheme<TAB>code<TAB>type` per line, `#` comments, blank lines.
    ///
    /// - Throws: ``DiagnosticsError`` naming each bad line.
    public init(text: String, file: String) throws {
        var problems: [Diagnostic] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            func fail(_ message: String) { problems.append(Diagnostic(file: file, line: k + 1, message: message)) }
            guard parts.count == 3 else { fail("expected scheme<TAB>code<TAB>type"); continue }
            guard let scheme = Scheme(rawValue: parts[0].lowercased()) else {
                fail("unknown scheme '\(parts[0])'; expected cameo, plover or acled"); continue
            }
            if parts[2] == "-" {
                entries[scheme, default: [:]][parts[1].lowercased()] = .some(nil)
            } else if let type = RelationType(rawValue: parts[2]) {
                entries[scheme, default: [:]][parts[1].lowercased()] = .some(type)
            } else {
                fail("unknown relation type '\(parts[2])'; expected supports, meets, opposes, hosts or -")
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// What a code maps to: `.some(type)`, `.some(nil)` when mapped to no relation, nil when the
    /// file does not mention it (both are skipped, and counted apart).
    public func lookup(_ scheme: Scheme, _ code: String, detail: String? = nil) -> RelationType?? {
        let table = entries[scheme] ?? [:]
        let key = code.lowercased()
        switch scheme {
        case .cameo:
            var prefix = Substring(key)
            while !prefix.isEmpty {
                if let found = table[String(prefix)] { return found }
                prefix = prefix.dropLast()
            }
            return nil
        case .plover, .acled:
            if let detail, !detail.isEmpty, let found = table[key + "/" + detail.lowercased()] { return found }
            return table[key]
        }
    }
}
