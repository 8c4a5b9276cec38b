from livskraft.cli import main

main()
