/* placeholder */ typedef int tl_placeholder_nginx_lower;
