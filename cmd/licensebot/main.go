// Command licensebot answers licensing questions about AI-model licenses.
package main

func main() {}
