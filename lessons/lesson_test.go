package lessons

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseLessonReadsTheSubset(t *testing.T) {
	l, err := ParseLesson("1.2", EN, []byte(fixtureLesson("1.2", EN)))
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "Lesson 1.2 (en)" || !reflect.DeepEqual(l.Try, []string{"netlearn port 80", "netlearn ip"}) {
		t.Errorf("front matter: title %q, try %q", l.Title, l.Try)
	}
	want := []Block{
		{Kind: BlockHeading, Level: 2, Anchor: "points", Text: "Key points"},
		{Kind: BlockBullets, Items: []string{"first point\ncontinued on a second line", "second point with `code`"}},
		{Kind: BlockHeading, Level: 2, Anchor: "diagram", Text: "Picture"},
		{Kind: BlockCode, Lang: "text", Text: "  IP ──► port ──► program"},
		{Kind: BlockHeading, Level: 2, Anchor: "try", Text: "Try it"},
		{Kind: BlockParagraph, Text: "Run the commands and look at the output.\nA second line of the same paragraph."},
		{Kind: BlockHeading, Level: 2, Anchor: "mistakes", Text: "Common mistakes"},
		{Kind: BlockHeading, Level: 3, Text: "Wrong: one argument too many"},
		{Kind: BlockCode, Lang: "python", Text: "server.bind(host, port)"},
		{Kind: BlockHeading, Level: 3, Text: "Fix"},
		{Kind: BlockCode, Lang: "python", Text: "server.bind((host, port))"},
		{Kind: BlockParagraph, Text: "bind takes one tuple."},
	}
	if !reflect.DeepEqual(l.Blocks, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", l.Blocks, want)
	}
	parts := l.Parts()
	if len(parts) != 4 || parts[2].Anchor != AnchorTry || len(parts[3].Blocks) != 5 {
		t.Errorf("parts = %+v", parts)
	}
}

func TestParseLessonRejectsWhatBreaksTheFormat(t *testing.T) {
	good := fixtureLesson("1.2", EN)
	cases := []struct {
		name, old, new, want string
	}{
		{"no front matter", "---\ntitle", "title", "must start with a ---"},
		{"no title", "title: Lesson 1.2 (en)\n", "", "no title"},
		{"title twice", "try: netlearn ip\n", "try: netlearn ip\ntitle: again\n", "given twice"},
		{"no try", "try: netlearn port 80\ntry: netlearn ip\n", "", "no try"},
		{"try not netlearn", "try: netlearn ip", "try: ping 127.0.0.1", "starts with `netlearn `"},
		{"try with a pipe", "try: netlearn ip", "try: netlearn ip | less", "shell operators"},
		{"try unbalanced quote", "try: netlearn ip", "try: netlearn port 'http", "unbalanced"},
		{"unknown key", "try: netlearn ip\n", "try: netlearn ip\nauthor: me\n", "unknown front matter key"},
		{"front matter open", "---\n## Key", "## Key", "`key: value`"},
		{"unclosed fence", "server.bind((host, port))\n```\n", "server.bind((host, port))\n", "never closed"},
		{"unknown code language", "```python\nserver.bind(host", "```rust\nserver.bind(host", "unknown code language"},
		{"html", "bind takes one tuple.", "bind takes <b>one</b> tuple.", "HTML"},
		{"link", "bind takes one tuple.", "see [docs](http://x.invalid)", "links"},
		{"image", "bind takes one tuple.", "![pic](a.png)", "images"},
		{"table", "bind takes one tuple.", "| a | b |", "tables"},
		{"## without anchor", "## Picture {#diagram}", "## Picture", "needs an anchor"},
		{"### with anchor", "### Fix", "### Fix {#fix}", "only ## headings"},
		{"level 1 heading", "### Fix", "# Fix", "headings are"},
		{"unknown anchor", "{#diagram}", "{#picture}", "unknown anchor"},
		{"out of order", "## Try it {#try}", "## Try it {#tryx}", "unknown anchor"},
		{"missing required", "## Common mistakes {#mistakes}", "### Common mistakes", "{#mistakes} is missing"},
		{"diagram after try", "## Picture {#diagram}", "### Picture", ""},
	}
	for _, c := range cases {
		src := strings.Replace(good, c.old, c.new, 1)
		if src == good {
			t.Fatalf("%s: the replacement did not apply", c.name)
		}
		_, err := ParseLesson("1.2", EN, []byte(src))
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v, want no error", c.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestAnchorsMustKeepTheirOrder(t *testing.T) {
	src := strings.Replace(fixtureLesson("1.2", EN), "## Picture {#diagram}", "## Points again {#points}", 1)
	if _, err := ParseLesson("1.2", EN, []byte(src)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate anchor: %v", err)
	}
	swapped := strings.NewReplacer("{#try}", "{#mistakes}", "{#mistakes}", "{#try}").Replace(fixtureLesson("1.2", EN))
	if _, err := ParseLesson("1.2", EN, []byte(swapped)); err == nil || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("swapped anchors: %v", err)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	src := strings.Replace(fixtureLesson("1.2", EN), "bind takes one tuple.", "<script>", 1)
	_, err := ParseLesson("1.2", EN, []byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "line 29:") {
		t.Errorf("error %v, want it to name line 29", err)
	}
}

func TestFrontMatterMustBeClosed(t *testing.T) {
	_, err := ParseLesson("1.2", EN, []byte("---\ntitle: x\ntry: netlearn ip\n"))
	if err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("error %v, want front matter not closed", err)
	}
}

func TestSplitTry(t *testing.T) {
	cases := []struct {
		line string
		want []string
		err  bool
	}{
		{"netlearn ip", []string{"ip"}, false},
		{"netlearn ping 127.0.0.1 -c 3", []string{"ping", "127.0.0.1", "-c", "3"}, false},
		{`netlearn demo --message 'hello world'`, []string{"demo", "--message", "hello world"}, false},
		{`netlearn demo --message "你好 \"x\""`, []string{"demo", "--message", `你好 "x"`}, false},
		{`netlearn demo --message a\ b`, []string{"demo", "--message", "a b"}, false},
		{"netlearn  port   80  ", []string{"port", "80"}, false},
		{"netlearn", nil, true},
		{"", nil, true},
		{"nc -l 8888", nil, true},
		{"netlearn ip; rm -rf /", nil, true},
		{"netlearn port $PORT", nil, true},
		{`netlearn demo "open`, nil, true},
		{`netlearn "" ip`, nil, true},
	}
	for _, c := range cases {
		got, err := SplitTry(c.line)
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitTry(%q) = %q, %v", c.line, got, err)
		}
	}
}

func TestForbidden(t *testing.T) {
	cases := map[string]bool{
		"ports < 1024 need privilege": false,
		"a <= b and c<5":              false,
		"x <b>bold</b>":               true,
		"<!-- comment -->":            true,
		"a</p>":                       true,
		"see [docs](x)":               true,
		"![img](a.png)":               true,
		"| a | b |":                   true,
		"a | b":                       false,
		"list[0] and (x)":             false,
		"trailing <":                  false,
	}
	for line, want := range cases {
		if got := forbidden(line); got != want {
			t.Errorf("forbidden(%q) = %v, want %v", line, got, want)
		}
	}
}
