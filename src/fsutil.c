/* placeholder */ typedef int tl_placeholder_fsutil;
