from modus.cli import main

main()
