from pressmon.cli import main

main(prog_name="pressmon")
