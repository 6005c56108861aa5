import Foundation

// Built by scripts/fuzz with `-sanitize=fuzzer,address -DACTORGRAPH_FUZZING`: libFuzzer's main
// calls LLVMFuzzerTestOneInput. In a plain build (swift build, the tests) it is a replayer:
// `actorgraph-fuzz TARGET FILE…` runs each file through the target once, which is how the
// regression fixtures of crashes found are run by the tests.

/// The target, from `ACTORGRAPH_FUZZ_TARGET` (libFuzzer owns the command line).
let fuzzTarget = ProcessInfo.processInfo.environment["ACTORGRAPH_FUZZ_TARGET"] ?? ""

#if ACTORGRAPH_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(fuzzTarget, bytes)
    return 0
}

/// SwiftPM links an executable's entry point under its own name (`--defsym main=…_main`), so
/// libFuzzer's `main` is never pulled in: this main starts libFuzzer's driver itself.
@main
struct FuzzMain {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    typealias Driver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                       Callback) -> CInt

    static func main() {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "LLVMFuzzerRunDriver") else {
            print("libFuzzer's driver is not linked: build with -sanitize=fuzzer")
            exit(70)
        }
        let driver = unsafeBitCast(symbol, to: Driver.self)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(driver(&argc, &argv, { data, size in fuzzOneInput(data, size) }))
    }
}
#else
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            print("usage: actorgraph-fuzz TARGET FILE…  (targets: \(FuzzTargets.names.joined(separator: ", ")))")
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(66)
            }
            FuzzTargets.run(target, Array(data))
            print("ok \(path)")
        }
    }
}
#endif
