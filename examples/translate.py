from s2py_actions import *

shortcut(types="ActionExtension", inputs="String", icon=("blue", 59677))
# Translate: send text to a LibreTranslate server and show the translation,
# the language it came from and the other suggestions.
Server = "https://libretranslate.com"
languages = {
    "English": "en",
    "German": "de",
    "French": "fr",
    "Spanish": "es",
    "Japanese": "ja",
}
names = getvalueforkey(get="All Keys", dictionary=languages)
chosen = choosefromlist(list=names, prompt="Translate into")
target = getvalueforkey(key=f"{chosen}", dictionary=languages)
source_text = ask(
    allows_multiline_text=True,
    prompt="Text to translate",
    default_answer=f"{ShortcutInput}",
)
response = downloadurl(
    url=f"{Server}/translate",
    method="POST",
    headers={"Accept": "application/json"},
    request_body="JSON",
    json_values={
        "q": source_text,
        "source": "auto",
        "target": target,
        "format": "text",
        "alternatives": 2,
    },
)
result = detect_dictionary(input=response)
if result["error"]:
    alert(
        title="Translation failed",
        message=f"{result['error']}",
        show_cancel_button=False,
    )
else:
    # The reply nests the detected language: {"detectedLanguage": {"language": "de", "confidence": 90}}.
    Detected = result["detectedLanguage"]
    showresult(
        result=f"{result['translatedText']}\n\nFrom {Detected['language']} ({Detected['confidence']}% sure) into {chosen}.\nAlso: {result['alternatives']}"
    )
    setclipboard(content=result["translatedText"])
