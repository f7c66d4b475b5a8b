// The start-up floor: a C++ program that does nothing, linked the way xpuspec is.
int main() { return 0; }
