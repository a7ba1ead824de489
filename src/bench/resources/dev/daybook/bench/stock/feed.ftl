<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Daybook bench</title>
<link>${config.site_host}</link>
<description>Daily reports</description>
<#list published_posts as post>
<#if post?index == 10><#break></#if>
<item>
<title>${post.title?xml}</title>
<link>${config.site_host}/${post.uri}</link>
<guid>${config.site_host}/${post.uri}</guid>
<pubDate>${post.date?string("EEE, d MMM yyyy HH:mm:ss Z")}</pubDate>
<description><![CDATA[${post.body}]]></description>
</item>
</#list>
</channel>
</rss>
