/* Entry point (placeholder until the run orchestration lands). */
int main(void);
int
main(void)
{
	return 0;
}
