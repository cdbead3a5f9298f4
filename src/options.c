/* placeholder */ typedef int tl_placeholder_options;
