/* placeholder */ typedef int tl_placeholder_cli;
