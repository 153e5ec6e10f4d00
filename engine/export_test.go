package engine

// RunFast and RunChecker expose both implementations to the tests, which
// compare them.
var RunFast = runFast
