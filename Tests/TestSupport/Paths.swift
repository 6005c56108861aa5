import Foundation

/// Locations inside the repository, found from this source file's path.
public enum RepositoryPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed graph in graphs/.
    public static let seedGraph = root.appendingPathComponent("graphs/iraq-axis-2021-2024.yaml")

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// A fresh temporary folder, removed by the caller (or left in /tmp).
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("actorgraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Text as Graphviz writes it into SVG: XML entities, plus `-` as `&#45;`.
public func graphvizSVGText(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "-": out += "&#45;"
        default: out.append(c)
        }
    }
    return out
}
