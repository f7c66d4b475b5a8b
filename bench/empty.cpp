// The start-up floor: a C++ program that does nothing. xpuspec cannot start faster than the process it runs in.
int main() { return 0; }
